"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { type ActionState, type FormValues, idle } from "@/lib/action-state";
import { CSM_COUNTRIES } from "@/lib/domain";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

const DATE_FIELDS = [
  ["startsOn", "endsOn"],
  ["applicationOpensOn", "applicationClosesOn"],
  ["nominationDeadlineOn"],
] as const;

/** Creates or edits an edition; after an error the form shows what was typed, with each problem on its field. */
export function MeetingForm({
  action,
  initial,
  hidden = {},
  submitLabel,
}: {
  action: FormAction;
  initial: FormValues;
  hidden?: Record<string, string>;
  submitLabel: string;
}) {
  const t = useTranslations("Meetings");
  const tCountry = useTranslations("Country");
  const [state, formAction, pending] = useActionState(action, idle);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};

  const field = (name: string, type: "text" | "date" | "number", extra: Record<string, string | number> = {}) => (
    <div className="space-y-1">
      <label htmlFor={`meeting-${name}`} className="block font-medium">
        {t(`field.${name}` as "field.number")}
      </label>
      <input
        id={`meeting-${name}`}
        name={name}
        type={type}
        required
        defaultValue={values[name] ?? ""}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`meeting-${name}-error`}
        className={inputClass}
        {...extra}
      />
      <FieldError id={`meeting-${name}-error`} message={errors[name]} />
    </div>
  );

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-3 sm:grid-cols-3">
        {field("number", "text", { autoComplete: "off", maxLength: 12 })}
        <div className="space-y-1">
          <label htmlFor="meeting-hostCountry" className="block font-medium">
            {t("field.hostCountry")}
          </label>
          <select
            // React's form reset puts a select back on its first rendered choice: a new key renders the kept one.
            key={values.hostCountry ?? ""}
            id="meeting-hostCountry"
            name="hostCountry"
            required
            defaultValue={values.hostCountry ?? ""}
            aria-invalid={errors.hostCountry ? true : undefined}
            aria-describedby="meeting-hostCountry-error"
            className={inputClass}
          >
            <option value="">{t("choose")}</option>
            {CSM_COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {tCountry(code)}
              </option>
            ))}
          </select>
          <FieldError id="meeting-hostCountry-error" message={errors.hostCountry} />
        </div>
        {field("city", "text", { maxLength: 100 })}
      </div>
      {DATE_FIELDS.map((group) => (
        <fieldset key={group[0]} className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 font-semibold">{t(`group.${group[0]}` as "group.startsOn")}</legend>
          {group.map((name) => (
            <div key={name}>{field(name, "date")}</div>
          ))}
        </fieldset>
      ))}
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 font-semibold">{t("group.quotas")}</legend>
        {field("participantQuota", "number", { min: 1, max: 20, step: 1, inputMode: "numeric" })}
        {field("observerQuota", "number", { min: 1, max: 20, step: 1, inputMode: "numeric" })}
      </fieldset>
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
