"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxGroup, RadioGroup, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import type { FormAction } from "@/lib/action-state";
import { CONSULTATION_ANSWERS, type ConsultationAnswer } from "@/lib/domain";

type Props = {
  action: FormAction;
  applicationId: string;
  /** The eligibility criteria, labelled by the page. */
  criteria: { value: string; label: string }[];
  answerLabels: Record<ConsultationAnswer, string>;
  current: { answer: ConsultationAnswer; criteria: string[]; reasons: string | null } | null;
};

/** A focal point's answer: no objection, an objection citing criteria, or a question; sent again to change it. */
export function ConsultationAnswerForm({ action, applicationId, criteria, answerLabels, current }: Props) {
  const t = useTranslations("ConsultationForm");
  return (
    <ActionForm action={action} hidden={{ applicationId }} labels={{ answer: t("answer"), criteria: t("criteria"), reasons: t("reasons") }}>
      {({ state, pending }) => {
        const typed = state.status === "error" ? state.values : undefined;
        const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
        return (
          <>
            <RadioGroup
              name="answer"
              label={t("answer")}
              hint={t("answerHint")}
              error={errors.answer}
              defaultValue={typed?.answer ?? current?.answer ?? ""}
              options={CONSULTATION_ANSWERS.map((answer) => ({ value: answer, label: answerLabels[answer], hint: t(`${answer}Hint`) }))}
            />
            <CheckboxGroup
              name="criteria"
              label={t("criteria")}
              error={errors.criteria}
              selected={typed ? (typed.criteria ?? "").split(",").filter(Boolean) : (current?.criteria ?? [])}
              options={criteria}
            />
            <TextArea
              name="reasons"
              label={t("reasons")}
              hint={t("reasonsHint")}
              error={errors.reasons}
              defaultValue={typed?.reasons ?? current?.reasons ?? ""}
            />
            <SubmitButton pending={pending}>{current ? t("change") : t("submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
