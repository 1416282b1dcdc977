"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { type ActionState, idle } from "@/lib/action-state";
import { SECTION_IDS } from "@/lib/application-sections";
import { ELIGIBILITY_CRITERIA, type EligibilityCriterion } from "@/lib/domain";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

function TextAreaField({
  id,
  name,
  label,
  state,
  rows = 4,
}: {
  id: string;
  name: string;
  label: string;
  state: ActionState;
  rows?: number;
}) {
  const error = state.fieldErrors?.[name];
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        required
        defaultValue={state.status === "success" ? "" : (state.values?.[name] ?? "")}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className={inputClass}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function ChoiceGroup({
  id,
  name,
  legend,
  options,
  state,
}: {
  id: string;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  state: ActionState;
}) {
  const error = state.fieldErrors?.[name];
  return (
    <fieldset className="space-y-1" aria-describedby={`${id}-error`}>
      <legend className="font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input type="radio" name={name} value={option.value} defaultChecked={state.values?.[name] === option.value} required />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** A form whose only input is the application's id: start review, assign to me. */
export function ButtonForm({
  action,
  applicationId,
  label,
  extra,
}: {
  action: FormAction;
  applicationId: string;
  label: string;
  extra?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending}>{label}</SubmitButton>
    </form>
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
  const [state, formAction, pending] = useActionState(action, idle);
  const error = state.fieldErrors?.reviewerId;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="expectedReviewerId" value={current ?? ""} />
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
          aria-invalid={error ? true : undefined}
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
      <FieldError id="assign-reviewer-error" message={error} />
    </form>
  );
}

export function NoteForm({ action, applicationId, kind }: { action: FormAction; applicationId: string; kind: "note" | "message" }) {
  const t = useTranslations("Review");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextAreaField id={`${kind}-message`} name="message" label={t(kind === "note" ? "noteLabel" : "messageLabel")} state={state} rows={3} />
      <SubmitButton pending={pending}>{t(kind === "note" ? "addNote" : "sendMessage")}</SubmitButton>
    </form>
  );
}

export function RequestInfoForm({ action, applicationId }: { action: FormAction; applicationId: string }) {
  const t = useTranslations("Review");
  const tSection = useTranslations("SecretariatLabels.section");
  const [state, formAction, pending] = useActionState(action, idle);
  const ticked = new Set((state.values?.sections ?? "").split(","));
  const error = state.fieldErrors?.sections;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <fieldset aria-describedby="request-sections-error">
        <legend className="font-medium">{t("requestInfoSections")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {SECTION_IDS.map((section) => (
            <label key={section} className="flex items-center gap-2">
              <input type="checkbox" name="sections" value={section} defaultChecked={ticked.has(section)} />
              {tSection(section)}
            </label>
          ))}
        </div>
        <FieldError id="request-sections-error" message={error} />
      </fieldset>
      <TextAreaField id="request-message" name="message" label={t("requestInfoMessage")} state={state} />
      <SubmitButton pending={pending}>{t("requestInfo")}</SubmitButton>
    </form>
  );
}

export function RecommendForm({ action, applicationId, kind }: { action: FormAction; applicationId: string; kind: "recommend" | "decide" }) {
  const t = useTranslations("Review");
  const tOption = useTranslations("SecretariatLabels.recommendation");
  const [state, formAction, pending] = useActionState(action, idle);
  const options = (["participant", "observer", "reject"] as const).map((value) => ({ value, label: tOption(value) }));
  const choice = kind === "recommend" ? "recommendation" : "decision";
  const text = kind === "recommend" ? "rationale" : "reason";
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <ChoiceGroup id={`${kind}-choice`} name={choice} legend={t(choice)} options={options} state={state} />
      <TextAreaField id={`${kind}-text`} name={text} label={t(text)} state={state} />
      <SubmitButton pending={pending}>{t(kind)}</SubmitButton>
    </form>
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
  const [state, formAction, pending] = useActionState(action, idle);
  const saved = new Map(checks.map((check) => [check.criterion, check]));
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
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
    </form>
  );
}
