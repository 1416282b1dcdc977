"use client";

import { useTranslations } from "next-intl";
import { type ComponentProps, useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { type FormAction, type FormValues, idle } from "@/lib/action-state";
import { CSM_COUNTRIES } from "@/lib/domain";

const DATE_FIELDS = [["startsOn", "endsOn"], ["applicationOpensOn", "applicationClosesOn"], ["nominationDeadlineOn"]] as const;

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

  const field = (name: string, type: "text" | "date" | "number", inputProps: ComponentProps<"input"> = {}) => (
    <TextField
      id={`meeting-${name}`}
      name={name}
      type={type}
      label={t(`field.${name}` as "field.number")}
      required
      defaultValue={values[name] ?? ""}
      error={errors[name]}
      inputProps={inputProps}
    />
  );

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-3 sm:grid-cols-3">
        {field("number", "text", { autoComplete: "off", maxLength: 12 })}
        {/* React's form reset puts a select back on its first rendered choice: a new key renders the kept one. */}
        <SelectField
          key={values.hostCountry ?? ""}
          id="meeting-hostCountry"
          name="hostCountry"
          label={t("field.hostCountry")}
          placeholder={t("choose")}
          required
          defaultValue={values.hostCountry ?? ""}
          error={errors.hostCountry}
          options={CSM_COUNTRIES.map((code) => ({ value: code, label: tCountry(code) }))}
        />
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
