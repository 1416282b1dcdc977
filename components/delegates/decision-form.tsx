"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { RadioGroup, TextArea } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/action-form";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { FormFeedback } from "@/components/ui/form-feedback";
import { type FormAction, idle } from "@/lib/action-state";

/**
 * Confirm or decline one nomination; declining needs a reason. Once decided (`open` false) only the
 * outcome stays, so the confirmation is still read out after the page refreshes.
 */
export function DelegateDecisionForm({
  meetingId,
  delegateId,
  name,
  open,
  action,
}: {
  meetingId: string;
  delegateId: string;
  name: string;
  open: boolean;
  action: FormAction;
}) {
  const t = useTranslations("DelegatesStaff");
  const [state, formAction, pending] = useActionState(action, idle);
  if (!open) return <FormMessage state={state} />;
  const typed = state.status === "error" ? state.values : undefined;
  const prefix = `decision-${delegateId}`;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <FormFeedback state={state} labels={{ decision: t("decision", { name }), reason: t("reason") }} />
      <HiddenFields values={{ delegateId, meetingId, delegateName: name }} />
      <RadioGroup
        id={`${prefix}-decision`}
        name="decision"
        label={t("decision", { name })}
        inline
        defaultValue={typed?.decision ?? ""}
        error={state.fieldErrors?.decision}
        options={[
          { value: "confirm", label: t("confirm") },
          { value: "decline", label: t("decline") },
        ]}
      />
      <TextArea id={`${prefix}-reason`} name="reason" label={t("reason")} rows={2} defaultValue={typed?.reason ?? ""} error={state.fieldErrors?.reason} />
      <SubmitButton pending={pending}>{t("decide")}</SubmitButton>
    </form>
  );
}
