"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionForm, HiddenFields } from "@/components/ui/action-form";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { FormFeedback } from "@/components/ui/form-feedback";
import { type FormAction, idle } from "@/lib/action-state";
import { DelegateFields, type DelegateValues, useDelegateLabels } from "./delegate-fields";

type Members = { id: string; name: string }[];

/**
 * The outcome of the last nomination is shown only while the list is the one it produced (`revision`):
 * any later change on the page (a withdrawal, the quota filling up) makes it stale, so it goes.
 */
export function NominateForm({
  organizationId,
  meetingId,
  open,
  revision,
  coalitionMembers,
  action,
}: {
  organizationId: string;
  meetingId: string;
  open: boolean;
  revision: string;
  coalitionMembers: Members;
  action: FormAction;
}) {
  const t = useTranslations("DelegatesForm");
  const labels = useDelegateLabels();
  const [state, formAction, pending] = useActionState(action, idle);
  const [outcome, setOutcome] = useState({ state, revision });
  if (outcome.state !== state) setOutcome({ state, revision });
  if (!open) return null;
  const current = outcome.state === state && outcome.revision === revision;
  return (
    // React empties the form after a successful nomination; a refused one gets its typed values back.
    <form action={formAction} className="max-w-xl space-y-3" noValidate>
      {(current || state.status === "error") && <FormFeedback state={state} labels={labels} />}
      <HiddenFields values={{ organizationId, meetingId }} />
      <DelegateFields prefix={`nominate-${meetingId}`} state={state} initial={{}} coalitionMembers={coalitionMembers} />
      <SubmitButton pending={pending}>{t("nominate")}</SubmitButton>
    </form>
  );
}

export function EditDelegateForm({
  organizationId,
  delegate,
  coalitionMembers,
  action,
}: {
  organizationId: string;
  delegate: DelegateValues & { id: string };
  coalitionMembers: Members;
  action: FormAction;
}) {
  const t = useTranslations("DelegatesForm");
  return (
    <ActionForm action={action} hidden={{ organizationId, delegateId: delegate.id }} labels={useDelegateLabels()} className="max-w-xl space-y-3">
      {({ state, pending }) => (
        <>
          <DelegateFields prefix={`edit-${delegate.id}`} state={state} initial={delegate} coalitionMembers={coalitionMembers} />
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Inside a disclosure while the delegate is live; afterwards only the outcome stays, so it is still read out. */
export function SubstituteDelegateForm({
  organizationId,
  delegateId,
  name,
  open,
  coalitionMembers,
  action,
}: {
  organizationId: string;
  delegateId: string;
  name: string;
  open: boolean;
  coalitionMembers: Members;
  action: FormAction;
}) {
  const t = useTranslations("DelegatesForm");
  const tDelegates = useTranslations("Delegates");
  const labels = useDelegateLabels();
  const [state, formAction, pending] = useActionState(action, idle);
  if (!open) return <FormMessage state={state} />;
  return (
    <details className="rounded-md border border-slate-200 p-2" open={state.status === "error" || undefined}>
      <summary className="cursor-pointer font-medium text-brand-800">{tDelegates("substitute", { name })}</summary>
      <form action={formAction} className="max-w-xl space-y-3 pt-3" noValidate>
        <FormFeedback state={state} labels={labels} />
        <HiddenFields values={{ organizationId, delegateId }} />
        <DelegateFields prefix={`substitute-${delegateId}`} state={state} initial={{}} coalitionMembers={coalitionMembers} />
        <SubmitButton pending={pending}>{t("substitute")}</SubmitButton>
      </form>
    </details>
  );
}

export function WithdrawDelegateForm({
  organizationId,
  delegateId,
  name,
  open,
  action,
}: {
  organizationId: string;
  delegateId: string;
  name: string;
  open: boolean;
  action: FormAction;
}) {
  const t = useTranslations("Delegates");
  const [state, formAction, pending] = useActionState(action, idle);
  if (!open) return <FormMessage state={state} />;
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <HiddenFields values={{ organizationId, delegateId }} />
      <SubmitButton pending={pending} tone="dangerOutline" aria-label={t("withdraw", { name })}>
        {t("withdrawConfirm")}
      </SubmitButton>
    </form>
  );
}
