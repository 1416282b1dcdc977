"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Checkbox } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { type ActionState, idle } from "@/lib/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function StaffNoticesForm({ action, enabled }: { action: FormAction; enabled: boolean }) {
  const t = useTranslations("Account");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      {/* Keyed by the saved value: after saving, the box shows what was stored. */}
      <Checkbox key={String(enabled)} name="staffNotices" label={t("noticesLabel")} defaultChecked={enabled} error={state.fieldErrors?.staffNotices} />
      <SubmitButton pending={pending}>{t("noticesSave")}</SubmitButton>
    </form>
  );
}
