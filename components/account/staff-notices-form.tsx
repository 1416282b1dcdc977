"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import type { FormAction } from "@/lib/action-state";

export function StaffNoticesForm({ action, enabled }: { action: FormAction; enabled: boolean }) {
  const t = useTranslations("Account");
  return (
    <ActionForm action={action} labels={{ staffNotices: t("noticesLabel") }}>
      {({ state, pending }) => (
        <>
          {/* Keyed by the saved value: after saving, the box shows what was stored. */}
          <Checkbox key={String(enabled)} name="staffNotices" label={t("noticesLabel")} defaultChecked={enabled} error={state.fieldErrors?.staffNotices} />
          <SubmitButton pending={pending}>{t("noticesSave")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
