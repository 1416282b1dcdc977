"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, TextArea, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import type { FormAction } from "@/lib/action-state";

export function SubmitApplicationForm({ applicationId, ready, action }: { applicationId: string; ready: boolean; action: FormAction }) {
  const t = useTranslations("ApplicantReview");
  return (
    <ActionForm action={action} hidden={{ applicationId }}>
      {({ pending }) => (
        <>
          <SubmitButton pending={pending} aria-describedby={ready ? undefined : "not-ready"}>
            {t("submit")}
          </SubmitButton>
          {!ready && (
            <p id="not-ready" className="text-sm text-slate-700">
              {t("notReady")}
            </p>
          )}
        </>
      )}
    </ActionForm>
  );
}

export function WithdrawForm({ applicationId, action }: { applicationId: string; action: FormAction }) {
  const t = useTranslations("ApplicantStatus");
  return (
    <ActionForm
      action={action}
      hidden={{ applicationId }}
      labels={{ reason: t("withdrawReason"), confirm: t("withdrawConfirm") }}
      className="max-w-2xl space-y-3"
    >
      {({ state, pending }) => (
        <>
          <TextArea
            name="reason"
            label={t("withdrawReason")}
            hint={t("optionalHint")}
            defaultValue={state.values?.reason ?? ""}
            error={state.fieldErrors?.reason}
          />
          <Checkbox name="confirm" label={t("withdrawConfirm")} defaultChecked={false} error={state.fieldErrors?.confirm} />
          <SubmitButton pending={pending} tone="danger">
            {t("withdraw")}
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RespondForm({ applicationId, action }: { applicationId: string; action: FormAction }) {
  const t = useTranslations("ApplicantStatus");
  return (
    <ActionForm action={action} hidden={{ applicationId }} labels={{ answer: t("answer") }} className="max-w-2xl space-y-3">
      {({ state, pending }) => (
        <>
          <TextArea name="answer" label={t("answer")} defaultValue={state.values?.answer ?? ""} error={state.fieldErrors?.answer} required />
          <SubmitButton pending={pending}>{t("sendAnswer")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** The organization's answer to a member state's question the secretariat passed on. */
export function QuestionReplyForm({ applicationId, questionId, action }: { applicationId: string; questionId: string; action: FormAction }) {
  const t = useTranslations("StateQuestions");
  return (
    <ActionForm action={action} hidden={{ applicationId, questionId }} labels={{ reply: t("reply") }} className="max-w-2xl space-y-3">
      {({ state, pending }) => (
        <>
          <TextArea
            name="reply"
            id={`reply-${questionId}`}
            label={t("reply")}
            defaultValue={state.status === "success" ? "" : (state.values?.reply ?? "")}
            error={state.fieldErrors?.reply}
            required
          />
          <SubmitButton pending={pending}>{t("send")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function StartApplicationForm({ organizationId, renewal, action }: { organizationId: string; renewal: boolean; action: FormAction }) {
  const t = useTranslations("ApplicantHome");
  return (
    <ActionForm action={action} hidden={{ organizationId }} className="space-y-2">
      {({ pending }) => <SubmitButton pending={pending}>{renewal ? t("startRenewal") : t("startApplication")}</SubmitButton>}
    </ActionForm>
  );
}

export function InviteForm({ organizationId, action }: { organizationId: string; action: FormAction }) {
  const t = useTranslations("ApplicantPeople");
  return (
    <ActionForm action={action} hidden={{ organizationId }} labels={{ email: t("email") }} className="max-w-md space-y-3">
      {({ state, pending }) => (
        <>
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
        </>
      )}
    </ActionForm>
  );
}
