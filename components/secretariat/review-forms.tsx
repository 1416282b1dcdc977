"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxGroup, RadioGroup, TextArea } from "@/components/ui/field";
import { FieldError, inputClass, SubmitButton } from "@/components/ui/form";
import type { ActionState, FormAction } from "@/lib/action-state";
import { SECTION_IDS } from "@/lib/application-sections";
import { ELIGIBILITY_CRITERIA, type EligibilityCriterion } from "@/lib/domain";

/** A free-text field that empties once its form succeeded, and keeps what was typed otherwise. */
function MessageField({
  id,
  name,
  label,
  hint,
  state,
  rows = 4,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  state: ActionState;
  rows?: number;
}) {
  return (
    <TextArea
      id={id}
      name={name}
      label={label}
      hint={hint}
      rows={rows}
      required
      defaultValue={state.status === "success" ? "" : (state.values?.[name] ?? "")}
      error={state.fieldErrors?.[name]}
    />
  );
}

/** A form whose only input is the application's id: start review, assign to me, share a document. */
export function ButtonForm({
  action,
  applicationId,
  label,
  accessibleLabel,
  extra,
  tone,
}: {
  action: FormAction;
  applicationId: string;
  label: string;
  /** Where several such buttons share a label on one page: the name that tells them apart. */
  accessibleLabel?: string;
  extra?: Record<string, string>;
  tone?: "primary" | "secondary";
}) {
  return (
    <ActionForm action={action} hidden={{ applicationId, ...extra }} className="space-y-2">
      {({ pending }) => (
        <SubmitButton pending={pending} tone={tone} aria-label={accessibleLabel}>
          {label}
        </SubmitButton>
      )}
    </ActionForm>
  );
}

export function AssignForm({
  action,
  applicationId,
  staff,
  current,
}: {
  action: FormAction;
  applicationId: string;
  staff: { id: string; label: string }[];
  current: string | null;
}) {
  const t = useTranslations("Review");
  return (
    <ActionForm action={action} hidden={{ applicationId, expectedReviewerId: current ?? "" }} labels={{ reviewerId: t("assignTo") }} className="space-y-2">
      {({ state, pending }) => (
        <>
          <label htmlFor="assign-reviewer" className="block font-medium">
            {t("assignTo")}
          </label>
          <div className="flex flex-wrap gap-2">
            {/* React applies a select's defaultValue only when it mounts: a new assignee (from any action) mounts a new one. */}
            <select
              key={current ?? ""}
              id="assign-reviewer"
              name="reviewerId"
              defaultValue={current ?? ""}
              aria-invalid={state.fieldErrors?.reviewerId ? true : undefined}
              aria-describedby="assign-reviewer-error"
              className={`${inputClass} max-w-xs`}
            >
              <option value="">{t("unassigned")}</option>
              {staff.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.label}
                </option>
              ))}
            </select>
            <SubmitButton pending={pending}>{t("assign")}</SubmitButton>
          </div>
          <FieldError id="assign-reviewer-error" message={state.fieldErrors?.reviewerId} />
        </>
      )}
    </ActionForm>
  );
}

export function NoteForm({ action, applicationId, kind }: { action: FormAction; applicationId: string; kind: "note" | "message" }) {
  const t = useTranslations("Review");
  const label = t(kind === "note" ? "noteLabel" : "messageLabel");
  return (
    <ActionForm action={action} hidden={{ applicationId }} labels={{ message: label }} className="space-y-2">
      {({ state, pending }) => (
        <>
          <MessageField id={`${kind}-message`} name="message" label={label} state={state} rows={3} />
          <SubmitButton pending={pending}>{t(kind === "note" ? "addNote" : "sendMessage")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RequestInfoForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  const t = useTranslations("Review");
  const tSection = useTranslations("SecretariatLabels.section");
  return (
    <ActionForm action={action} hidden={{ applicationId }} labels={{ sections: t("requestInfoSections"), message: t("requestInfoMessage") }}>
      {({ state, pending }) => (
        <>
          <CheckboxGroup
            id="request-sections"
            name="sections"
            label={t("requestInfoSections")}
            selected={(state.values?.sections ?? "").split(",")}
            error={state.fieldErrors?.sections}
            options={SECTION_IDS.map((section) => ({ value: section, label: tSection(section) }))}
          />
          <MessageField id="request-message" name="message" label={t("requestInfoMessage")} state={state} />
          <SubmitButton pending={pending}>{t("requestInfo")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

const OUTCOMES = ["participant", "observer", "reject"] as const;

function useOutcomeOptions() {
  const tOption = useTranslations("SecretariatLabels.recommendation");
  return OUTCOMES.map((value) => ({ value, label: tOption(value) }));
}

type OutcomeFormProps = {
  action: FormAction;
  applicationId: string;
  requestedHint: string;
  /** The radio group of outcomes, and the text that justifies the one chosen. */
  choice: { name: string; label: string };
  text: { id: string; name: string; label: string };
  /** Further texts the outcome needs (why the member states' consultation closes early, the plenary's reference). */
  extras?: { id: string; name: string; label: string; hint: string }[];
  submit: (pending: boolean) => ReactNode;
};

/** Recommending and deciding ask the same: one of the outcomes, and why. */
function OutcomeForm({ action, applicationId, requestedHint, choice, text, extras = [], submit }: OutcomeFormProps) {
  const options = useOutcomeOptions();
  const labels = { [choice.name]: choice.label, [text.name]: text.label, ...Object.fromEntries(extras.map((extra) => [extra.name, extra.label])) };
  return (
    <ActionForm action={action} hidden={{ applicationId }} labels={labels}>
      {({ state, pending }) => (
        <>
          <RadioGroup
            name={choice.name}
            label={choice.label}
            hint={requestedHint}
            inline
            options={options}
            defaultValue={state.values?.[choice.name] ?? ""}
            error={state.fieldErrors?.[choice.name]}
          />
          <MessageField id={text.id} name={text.name} label={text.label} state={state} />
          {extras.map((extra) => (
            <MessageField key={extra.name} {...extra} state={state} rows={3} />
          ))}
          {submit(pending)}
        </>
      )}
    </ActionForm>
  );
}

export function RecommendForm({ action, applicationId, requestedHint }: { action: FormAction; applicationId: string; requestedHint: string }) {
  const t = useTranslations("Review");
  return (
    <OutcomeForm
      action={action}
      applicationId={applicationId}
      requestedHint={requestedHint}
      choice={{ name: "recommendation", label: t("recommendation") }}
      text={{ id: "recommend-text", name: "rationale", label: t("rationale") }}
      submit={(pending) => <SubmitButton pending={pending}>{t("recommend")}</SubmitButton>}
    />
  );
}

/** The admin's decision: public and e-mailed, so a dialog says what will happen before it is recorded. */
export function DecisionForm({
  action,
  applicationId,
  organization,
  requestedCategory,
  requestedHint,
  earlyClose,
  plenary,
}: {
  action: FormAction;
  applicationId: string;
  organization: string;
  requestedCategory: "participant" | "observer";
  requestedHint: string;
  /** While the member states' consultation is open: the field asking why the decision comes first. */
  earlyClose?: { label: string; hint: string };
  /** When the objections sent the application to the plenary: the field for its decision's reference. */
  plenary?: { label: string; hint: string };
}) {
  const t = useTranslations("Review");
  const tCategory = useTranslations("SecretariatLabels.recommendation");
  const describe = (data: FormData) => {
    const decision = data.get("decision");
    const reason = String(data.get("reason") ?? "").trim();
    if (!OUTCOMES.includes(decision as (typeof OUTCOMES)[number]) || reason === "") return null;
    const outcome = decision as (typeof OUTCOMES)[number];
    return (
      <>
        <p className="font-medium">{t(`confirm.${outcome}`, { organization })}</p>
        {outcome !== "reject" && outcome !== requestedCategory && (
          <p className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2">{t("confirm.otherCategory", { category: tCategory(requestedCategory) })}</p>
        )}
        <p>{t("confirm.final")}</p>
      </>
    );
  };
  return (
    <OutcomeForm
      action={action}
      applicationId={applicationId}
      requestedHint={requestedHint}
      choice={{ name: "decision", label: t("decision") }}
      text={{ id: "decide-text", name: "reason", label: t("reason") }}
      extras={[
        ...(earlyClose ? [{ id: "decide-early-close", name: "earlyCloseReason", ...earlyClose }] : []),
        ...(plenary ? [{ id: "decide-plenary", name: "plenaryReference", ...plenary }] : []),
      ]}
      submit={(pending) => (
        <ConfirmDialog
          label={t("decide")}
          title={t("confirm.title")}
          confirmLabel={t("confirm.submit")}
          cancelLabel={t("confirm.back")}
          describe={describe}
          pending={pending}
        />
      )}
    />
  );
}

export type ChecklistEntry = { criterion: EligibilityCriterion; met: boolean; note: string | null };

export function EligibilityForm({
  action,
  applicationId,
  checks,
  editable,
}: {
  action: FormAction;
  applicationId: string;
  checks: ChecklistEntry[];
  editable: boolean;
}) {
  const t = useTranslations("Review");
  const tCriterion = useTranslations("SecretariatLabels.criterion");
  const saved = new Map(checks.map((check) => [check.criterion, check]));
  return (
    <ActionForm action={action} hidden={{ applicationId }}>
      {({ state, pending }) => (
        <>
          <fieldset disabled={!editable} className="space-y-3">
            <legend className="sr-only">{t("eligibilityTitle")}</legend>
            {ELIGIBILITY_CRITERIA.map((criterion) => {
              const check = saved.get(criterion);
              const typed = state.status === "error" ? state.values : undefined;
              return (
                <div key={criterion} className="rounded-md border border-slate-200 p-3">
                  <label className="flex items-start gap-2 font-medium">
                    <input
                      type="checkbox"
                      name={`met-${criterion}`}
                      defaultChecked={typed ? typed[`met-${criterion}`] === "on" : (check?.met ?? false)}
                      className="mt-1"
                    />
                    <span>{tCriterion(criterion)}</span>
                  </label>
                  <label htmlFor={`note-${criterion}`} className="mt-2 block text-sm">
                    {t("eligibilityNote")} — {tCriterion(criterion)}
                  </label>
                  <input
                    id={`note-${criterion}`}
                    name={`note-${criterion}`}
                    type="text"
                    maxLength={2000}
                    defaultValue={typed ? (typed[`note-${criterion}`] ?? "") : (check?.note ?? "")}
                    className={inputClass}
                  />
                </div>
              );
            })}
            {editable && <SubmitButton pending={pending}>{t("eligibilitySave")}</SubmitButton>}
          </fieldset>
          {!editable && <p className="text-sm text-slate-700">{t("eligibilityReadOnly")}</p>}
        </>
      )}
    </ActionForm>
  );
}
