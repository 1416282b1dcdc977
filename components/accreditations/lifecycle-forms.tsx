"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { TextArea } from "@/components/ui/field";
import { ActionForm, HiddenFields } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/form";
import { FormFeedback } from "@/components/ui/form-feedback";
import { type ActionState, type FormAction, idle } from "@/lib/action-state";

function ReasonField({ id, label, state, required }: { id: string; label: string; state: ActionState; required: boolean }) {
  return (
    <TextArea id={id} name="reason" label={label} rows={3} required={required} defaultValue={state.values?.reason ?? ""} error={state.fieldErrors?.reason} />
  );
}

/** Suspend, reinstate or change the category: a reason (required or not, or none without a label) and one button. */
export function ReasonForm({
  action,
  id,
  fields,
  reasonLabel,
  reasonRequired,
  submitLabel,
}: {
  action: FormAction;
  id: string;
  fields: Record<string, string>;
  reasonLabel?: string;
  reasonRequired: boolean;
  submitLabel: string;
}) {
  return (
    <ActionForm action={action} hidden={fields} labels={reasonLabel ? { reason: reasonLabel } : undefined} className="space-y-2">
      {({ state, pending }) => (
        <>
          {reasonLabel && <ReasonField id={`${id}-reason`} label={reasonLabel} state={state} required={reasonRequired} />}
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/**
 * Revocation takes two steps: the first button only asks for confirmation; the confirm button
 * sends confirm=yes, which the server requires.
 */
export function RevokeForm({
  action,
  organizationId,
  organizationName,
  expectedStatus,
}: {
  action: FormAction;
  organizationId: string;
  organizationName: string;
  expectedStatus: string;
}) {
  const t = useTranslations("OrganizationAccreditation");
  const [state, formAction, pending] = useActionState(action, idle);
  const [confirming, setConfirming] = useState(false);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const firstButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);

  useEffect(() => {
    if (confirming) confirmTitle.current?.focus();
    else if (returnFocus) firstButton.current?.focus();
  }, [confirming, returnFocus]);

  return (
    <form action={formAction} className="space-y-2" noValidate onSubmit={() => setConfirming(false)}>
      <FormFeedback state={state} labels={{ reason: t("reasonPublic") }} />
      <HiddenFields values={{ organizationId, expectedStatus }} />
      <ReasonField id="revoke-reason" label={t("reasonPublic")} state={state} required />
      {confirming ? (
        <div role="group" aria-labelledby="revoke-confirm-title" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-3">
          <h4 id="revoke-confirm-title" ref={confirmTitle} tabIndex={-1} className="font-semibold text-red-900">
            {t("revokeConfirmTitle")}
          </h4>
          <p className="text-red-900">{t("revokeConfirmText", { organization: organizationName })}</p>
          <div className="flex flex-wrap gap-3">
            <button
              type="submit"
              name="confirm"
              value="yes"
              disabled={pending}
              className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
            >
              {t("revokeConfirm")}
            </button>
            <button
              type="button"
              onClick={() => {
                setReturnFocus(true);
                setConfirming(false);
              }}
              className="rounded-md border border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100"
            >
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={firstButton}
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50"
        >
          {t("revokeButton")}
        </button>
      )}
    </form>
  );
}
