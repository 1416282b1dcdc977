"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
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
      <FormMessage state={state} />
      <input type="hidden" name="delegateId" value={delegateId} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="delegateName" value={name} />
      <fieldset className="space-y-1" aria-describedby={`${prefix}-decision-error`}>
        <legend className="font-medium">{t("decision", { name })}</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name="decision" value="confirm" defaultChecked={typed?.decision === "confirm"} className="size-5" />
            {t("confirm")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="decision" value="decline" defaultChecked={typed?.decision === "decline"} className="size-5" />
            {t("decline")}
          </label>
        </div>
        <FieldError id={`${prefix}-decision-error`} message={state.fieldErrors?.decision} />
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${prefix}-reason`} className="block font-medium">
          {t("reason")}
        </label>
        <textarea
          id={`${prefix}-reason`}
          name="reason"
          rows={2}
          defaultValue={typed?.reason ?? ""}
          aria-invalid={state.fieldErrors?.reason ? true : undefined}
          aria-describedby={`${prefix}-reason-error`}
          className={inputClass}
        />
        <FieldError id={`${prefix}-reason-error`} message={state.fieldErrors?.reason} />
      </div>
      <SubmitButton pending={pending}>{t("decide")}</SubmitButton>
    </form>
  );
}
