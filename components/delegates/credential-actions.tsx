"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { HiddenFields } from "@/components/ui/action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormFeedback } from "@/components/ui/form-feedback";
import { type FormAction, idle } from "@/lib/action-state";
import { LetterLinks } from "./letter-links";

/** A confirmed delegate's letter, and a new letter and badge when the old ones are lost or wrong. */
export function CredentialActions({ meetingId, delegateId, name, action }: { meetingId: string; delegateId: string; name: string; action: FormAction }) {
  const t = useTranslations("DelegatesStaff");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <div className="flex flex-wrap items-start gap-3">
      <LetterLinks delegateId={delegateId} name={name} label={t("letter", { name })} />
      <form action={formAction} className="space-y-2" noValidate>
        <FormFeedback state={state} />
        <HiddenFields values={{ delegateId, meetingId }} />
        <ConfirmDialog
          label={t("reissue")}
          accessibleLabel={t("reissueFor", { name })}
          title={t("reissueTitle", { name })}
          confirmLabel={t("reissueConfirm")}
          cancelLabel={t("cancel")}
          describe={() => t("reissueWarning", { name })}
          pending={pending}
        />
      </form>
    </div>
  );
}
