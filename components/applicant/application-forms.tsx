"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { type FormAction, idle } from "@/lib/action-state";
import { Checkbox, TextArea, TextField } from "@/components/ui/field";

export function SubmitApplicationForm({ applicationId, ready, action }: { applicationId: string; ready: boolean; action: FormAction }) {
  const t = useTranslations("ApplicantReview");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <SubmitButton pending={pending} aria-describedby={ready ? undefined : "not-ready"}>
        {t("submit")}
      </SubmitButton>
      {!ready && (
        <p id="not-ready" className="text-sm text-slate-700">
          {t("notReady")}
        </p>
      )}
    </form>
  );
}

export function WithdrawForm({ applicationId, action }: { applicationId: string; action: FormAction }) {
  const t = useTranslations("ApplicantStatus");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="max-w-2xl space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextArea
        name="reason"
        label={t("withdrawReason")}
        hint={t("optionalHint")}
        defaultValue={state.values?.reason ?? ""}
        error={state.fieldErrors?.reason}
      />
      <Checkbox name="confirm" label={t("withdrawConfirm")} defaultChecked={false} error={state.fieldErrors?.confirm} />
      <button type="submit" disabled={pending} className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
        {t("withdraw")}
      </button>
    </form>
  );
}

export function RespondForm({ applicationId, action }: { applicationId: string; action: FormAction }) {
  const t = useTranslations("ApplicantStatus");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="max-w-2xl space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextArea name="answer" label={t("answer")} defaultValue={state.values?.answer ?? ""} error={state.fieldErrors?.answer} required />
      <SubmitButton pending={pending}>{t("sendAnswer")}</SubmitButton>
    </form>
  );
}

export function StartApplicationForm({ organizationId, renewal, action }: { organizationId: string; renewal: boolean; action: FormAction }) {
  const t = useTranslations("ApplicantHome");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <SubmitButton pending={pending}>{renewal ? t("startRenewal") : t("startApplication")}</SubmitButton>
    </form>
  );
}

export function InviteForm({ organizationId, action }: { organizationId: string; action: FormAction }) {
  const t = useTranslations("ApplicantPeople");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="max-w-md space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <TextField
        name="email"
        label={t("email")}
        type="email"
        autoComplete="off"
        defaultValue={state.status === "error" ? (state.values?.email ?? "") : ""}
        error={state.fieldErrors?.email}
        required
      />
      <SubmitButton pending={pending}>{t("invite")}</SubmitButton>
    </form>
  );
}
