"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CheckboxGroup, RadioGroup, TextArea } from "@/components/ui/field";
import { FieldError, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { type ActionState, idle } from "@/lib/action-state";
import { SECTION_IDS } from "@/lib/application-sections";
import { ELIGIBILITY_CRITERIA, type EligibilityCriterion } from "@/lib/domain";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A free-text field that empties once its form succeeded, and keeps what was typed otherwise. */
function MessageField({ id, name, label, state, rows = 4 }: { id: string; name: string; label: string; state: ActionState; rows?: number }) {
  return (
    <TextArea
      id={id}
      name={name}
      label={label}
      rows={rows}
      required
      defaultValue={state.status === "success" ? "" : (state.values?.[name] ?? "")}
      error={state.fieldErrors?.[name]}
    />
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
      <MessageField id={`${kind}-message`} name="message" label={t(kind === "note" ? "noteLabel" : "messageLabel")} state={state} rows={3} />
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
      <CheckboxGroup
        id="request-sections"
        name="sections"
        label={t("requestInfoSections")}
        selected={[...ticked]}
        error={error}
        options={SECTION_IDS.map((section) => ({ value: section, label: tSection(section) }))}
      />
      <MessageField id="request-message" name="message" label={t("requestInfoMessage")} state={state} />
      <SubmitButton pending={pending}>{t("requestInfo")}</SubmitButton>
    </form>
  );
}

const OUTCOMES = ["participant", "observer", "reject"] as const;

function useOutcomeOptions() {
  const tOption = useTranslations("SecretariatLabels.recommendation");
  return OUTCOMES.map((value) => ({ value, label: tOption(value) }));
}

export function RecommendForm({ action, applicationId, requestedHint }: { action: FormAction; applicationId: string; requestedHint: string }) {
  const t = useTranslations("Review");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <RadioGroup
        name="recommendation"
        label={t("recommendation")}
        hint={requestedHint}
        inline
        options={useOutcomeOptions()}
        defaultValue={state.values?.recommendation ?? ""}
        error={state.fieldErrors?.recommendation}
      />
      <MessageField id="recommend-text" name="rationale" label={t("rationale")} state={state} />
      <SubmitButton pending={pending}>{t("recommend")}</SubmitButton>
    </form>
  );
}

/** The admin's decision: public and e-mailed, so a dialog says what will happen before it is recorded. */
export function DecisionForm({
  action,
  applicationId,
  organization,
  requestedCategory,
  requestedHint,
}: {
  action: FormAction;
  applicationId: string;
  organization: string;
  requestedCategory: "participant" | "observer";
  requestedHint: string;
}) {
  const t = useTranslations("Review");
  const tCategory = useTranslations("SecretariatLabels.recommendation");
  const [state, formAction, pending] = useActionState(action, idle);
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
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <RadioGroup
        name="decision"
        label={t("decision")}
        hint={requestedHint}
        inline
        options={useOutcomeOptions()}
        defaultValue={state.values?.decision ?? ""}
        error={state.fieldErrors?.decision}
      />
      <MessageField id="decide-text" name="reason" label={t("reason")} state={state} />
      <ConfirmDialog
        label={t("decide")}
        title={t("confirm.title")}
        confirmLabel={t("confirm.submit")}
        cancelLabel={t("confirm.back")}
        describe={describe}
        pending={pending}
      />
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
