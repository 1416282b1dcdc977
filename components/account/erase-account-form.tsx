"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import type { FormAction } from "@/lib/action-state";

export function EraseAccountForm({ action }: { action: FormAction }) {
  const t = useTranslations("Account");
  return (
    <ActionForm action={action} labels={{ confirm: t("confirmLabel") }}>
      {({ state, pending }) => (
        <>
          <Checkbox id="erase-confirm" name="confirm" value="yes" label={t("confirmLabel")} defaultChecked={false} error={state.fieldErrors?.confirm} />
          <SubmitButton pending={pending} tone="danger">
            {t("eraseButton")}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
