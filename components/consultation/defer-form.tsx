"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxGroup, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import type { FormAction } from "@/lib/action-state";

type Props = {
  action: FormAction;
  applicationId: string;
  /** The statute's eligibility criteria, labelled by the page. */
  criteria: { value: string; label: string }[];
  /** While the member states' consultation is open: the field asking why it closes early. */
  earlyClose?: { label: string; hint: string };
};

/** An admin's deferral to the next meeting instead of a decision: the criteria it rests on and the reason the organization reads. */
export function DeferForm({ action, applicationId, criteria, earlyClose }: Props) {
  const t = useTranslations("Deferral");
  const labels = { criteria: t("criteria"), reason: t("reason"), ...(earlyClose ? { earlyCloseReason: earlyClose.label } : {}) };
  return (
    <ActionForm action={action} hidden={{ applicationId }} labels={labels}>
      {({ state, pending }) => {
        const typed = state.status === "error" ? state.values : undefined;
        const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
        return (
          <>
            <CheckboxGroup
              name="criteria"
              id="defer-criteria"
              label={t("criteria")}
              error={errors.criteria}
              selected={(typed?.criteria ?? "").split(",").filter(Boolean)}
              options={criteria}
            />
            <TextArea name="reason" id="defer-reason" label={t("reason")} rows={3} error={errors.reason} defaultValue={typed?.reason ?? ""} required />
            {earlyClose && (
              <TextArea
                name="earlyCloseReason"
                id="defer-early-close"
                label={earlyClose.label}
                hint={earlyClose.hint}
                rows={2}
                error={errors.earlyCloseReason}
                defaultValue={typed?.earlyCloseReason ?? ""}
              />
            )}
            <SubmitButton pending={pending} tone="secondary">
              {t("submit")}
            </SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
