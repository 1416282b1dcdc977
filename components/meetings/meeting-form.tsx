"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import type { ActionState, FormAction, FormValues } from "@/lib/action-state";
import { CSM_COUNTRIES } from "@/lib/domain";

const DATE_FIELDS = [["startsOn", "endsOn"], ["applicationOpensOn", "applicationClosesOn"], ["nominationDeadlineOn"]] as const;
const FIELDS = ["number", "hostCountry", "city", ...DATE_FIELDS.flat(), "participantQuota", "observerQuota", "consultationDays", "objectionThreshold"] as const;

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
  const labels = Object.fromEntries(FIELDS.map((name) => [name, t(`field.${name}`)]));

  const fields = (state: ActionState) => {
    const values = state.values ?? initial;
    const errors = state.fieldErrors ?? {};
    const field = (name: (typeof FIELDS)[number], type: "text" | "date" | "number", inputProps: ComponentProps<"input"> = {}, hint?: string) => (
      <TextField
        id={`meeting-${name}`}
        name={name}
        type={type}
        label={labels[name]!}
        hint={hint}
        required={name !== "objectionThreshold"}
        defaultValue={values[name] ?? ""}
        error={errors[name]}
        inputProps={inputProps}
      />
    );
    return (
      <>
        <div className="grid gap-3 sm:grid-cols-3">
          {field("number", "text", { autoComplete: "off", maxLength: 12 })}
          {/* React's form reset puts a select back on its first rendered choice: a new key renders the kept one. */}
          <SelectField
            key={values.hostCountry ?? ""}
            id="meeting-hostCountry"
            name="hostCountry"
            label={labels.hostCountry!}
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
            <legend className="mb-1 font-semibold">{t(`group.${group[0]}`)}</legend>
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
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 font-semibold">{t("group.consultationDays")}</legend>
          {field("consultationDays", "number", { min: 1, max: 60, step: 1, inputMode: "numeric" })}
          {field("objectionThreshold", "number", { min: 1, max: 12, step: 1, inputMode: "numeric" }, t("objectionThresholdHint"))}
        </fieldset>
      </>
    );
  };

  return (
    <ActionForm action={action} hidden={hidden} labels={labels} className="space-y-4">
      {({ state, pending }) => (
        <>
          {fields(state)}
          <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
