"use client";

import { useTranslations } from "next-intl";
import { unstable_rethrow } from "next/navigation";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/form";
import { FormFeedback } from "@/components/ui/form-feedback";
import { type ActionState, type FormAction, type FormValues, idle } from "@/lib/action-state";
import type { FormSectionId } from "@/lib/application-sections";
import { readSectionForm } from "@/lib/section-form";
import { CSM_COUNTRIES, ORGANIZATION_TYPES, THEMES } from "@/lib/domain";
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextArea, TextField } from "@/components/ui/field";

type Props = {
  section: FormSectionId;
  initial: FormValues;
  /** Absent: the organization form creates a new organization and its first draft. */
  applicationId?: string;
  /** Saves the section of a draft, or creates the organization when there is no draft yet. */
  action: FormAction;
  isRenewal?: boolean;
  /** After saving: the next section (filling a draft) or the status page (answering a request). */
  afterSave?: "next" | "status";
};

export function SectionForm({ section, initial, applicationId, action: serverAction, isRenewal = false, afterSave = "next" }: Props) {
  const t = useTranslations("ApplicantForm");
  // A lost connection must not cost the applicant what they typed: keep it, say so, let them retry.
  const action = async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    try {
      return await serverAction(previous, formData);
    } catch (error) {
      unstable_rethrow(error);
      return { status: "error", message: t("offline"), values: readSectionForm(section, formData).values };
    }
  };
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, idle);
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const fieldLabel = (field: string) => {
    const member = /^members\.(\d+)\.(name|country)$/.exec(field);
    if (member) return t(member[2] === "name" ? "memberName" : "memberCountry", { number: Number(member[1]) + 1 });
    const key = field === "report" ? "renewalReport" : field;
    return t.has(key as never) ? t(key as never) : undefined;
  };
  return (
    <form action={formAction} className="max-w-2xl space-y-4" noValidate>
      <FormFeedback state={state} label={fieldLabel} />
      {applicationId && (
        <>
          <input type="hidden" name="applicationId" value={applicationId} />
          <input type="hidden" name="section" value={section} />
          <input type="hidden" name="isRenewal" value={String(isRenewal)} />
          <input type="hidden" name="afterSave" value={afterSave} />
        </>
      )}
      <SectionFields section={section} values={values} errors={errors} />
      <SubmitButton pending={pending}>{applicationId ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}

type FieldsProps = { values: FormValues; errors: Record<string, string> };

function SectionFields({ section, ...props }: FieldsProps & { section: FormSectionId }) {
  switch (section) {
    case "organization":
      return <OrganizationFields {...props} />;
    case "work":
      return <WorkFields {...props} />;
    case "representation":
      return <RepresentationFields {...props} />;
    case "governance":
      return <GovernanceFields {...props} />;
    case "declarations":
      return <DeclarationsFields {...props} />;
    case "renewal":
      return <RenewalFields {...props} />;
  }
}

function useCountryOptions() {
  const tCountry = useTranslations("Country");
  return CSM_COUNTRIES.map((code) => ({ value: code, label: tCountry(code) }));
}

const list = (value: string | undefined) => (value ? value.split(",") : []);

function OrganizationFields({ values, errors }: FieldsProps) {
  const t = useTranslations("ApplicantForm");
  const tChoice = useTranslations("ApplicantChoices");
  const countries = useCountryOptions();
  const v = (name: string) => values[name] ?? "";
  return (
    <>
      <TextField name="legalName" label={t("legalName")} defaultValue={v("legalName")} error={errors.legalName} required />
      <TextField name="acronym" label={t("acronym")} hint={t("optional")} defaultValue={v("acronym")} error={errors.acronym} />
      <SelectField
        name="type"
        label={t("type")}
        placeholder={t("choose")}
        defaultValue={v("type")}
        error={errors.type}
        options={ORGANIZATION_TYPES.map((type) => ({ value: type, label: tChoice(`type.${type}`) }))}
        required
      />
      <SelectField
        name="country"
        label={t("country")}
        placeholder={t("choose")}
        defaultValue={v("country")}
        error={errors.country}
        options={countries}
        required
      />
      <TextField name="city" label={t("city")} defaultValue={v("city")} error={errors.city} required />
      <TextField name="foundedYear" label={t("foundedYear")} type="number" defaultValue={v("foundedYear")} error={errors.foundedYear} required />
      <TextField
        name="registryName"
        label={t("registryName")}
        hint={t("registryNameHint")}
        defaultValue={v("registryName")}
        error={errors.registryName}
        required
      />
      <TextField name="registryNumber" label={t("registryNumber")} defaultValue={v("registryNumber")} error={errors.registryNumber} required />
      <TextField name="website" label={t("website")} hint={t("websiteHint")} type="url" defaultValue={v("website")} error={errors.website} />
      <TextField
        name="contactEmail"
        label={t("contactEmail")}
        type="email"
        autoComplete="email"
        defaultValue={v("contactEmail")}
        error={errors.contactEmail}
        required
      />
      <CheckboxGroup
        name="countriesOfWork"
        label={t("countriesOfWork")}
        selected={list(values.countriesOfWork)}
        error={errors.countriesOfWork}
        options={countries}
      />
    </>
  );
}

function WorkFields({ values, errors }: FieldsProps) {
  const t = useTranslations("ApplicantForm");
  const tChoice = useTranslations("ApplicantChoices");
  return (
    <>
      <CheckboxGroup
        name="themes"
        label={t("themes")}
        selected={list(values.themes)}
        error={errors.themes}
        options={THEMES.map((theme) => ({ value: theme, label: tChoice(`theme.${theme}`) }))}
      />
      <TextArea
        name="populationsServed"
        label={t("populationsServed")}
        defaultValue={values.populationsServed ?? ""}
        error={errors.populationsServed}
        required
      />
      <TextArea
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        defaultValue={values.description ?? ""}
        error={errors.description}
        required
      />
    </>
  );
}

function memberRowsOf(values: FormValues): number {
  let rows = 0;
  while (`members.${rows}.name` in values) rows++;
  return rows;
}

function RepresentationFields({ values, errors }: FieldsProps) {
  const t = useTranslations("ApplicantForm");
  const countries = useCountryOptions();
  const [rows, setRows] = useState(() => Math.max(memberRowsOf(values) + 1, 2));
  return (
    <>
      <Checkbox name="isCoalition" label={t("isCoalition")} defaultChecked={values.isCoalition === "on"} error={errors.isCoalition} />
      <fieldset className="space-y-3" aria-describedby="members-error">
        <legend className="font-medium">{t("members")}</legend>
        <p className="text-sm text-slate-600">{t("membersHint")}</p>
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="grid grid-cols-1 gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
            <TextField
              name={`members.${row}.name`}
              label={t("memberName", { number: row + 1 })}
              defaultValue={values[`members.${row}.name`] ?? ""}
              error={errors[`members.${row}.name`]}
            />
            <SelectField
              name={`members.${row}.country`}
              label={t("memberCountry", { number: row + 1 })}
              placeholder={t("choose")}
              defaultValue={values[`members.${row}.country`] ?? ""}
              error={errors[`members.${row}.country`]}
              options={countries}
            />
          </div>
        ))}
        <p id="members-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
          {errors.members}
        </p>
        <button type="button" onClick={() => setRows((count) => count + 1)} className="rounded-md border border-brand-700 px-3 py-1 text-brand-800">
          {t("addMember")}
        </button>
      </fieldset>
    </>
  );
}

function GovernanceFields({ values, errors }: FieldsProps) {
  const t = useTranslations("ApplicantForm");
  return (
    <>
      <TextArea
        name="fundingSources"
        label={t("fundingSources")}
        hint={t("fundingSourcesHint")}
        defaultValue={values.fundingSources ?? ""}
        error={errors.fundingSources}
        required
      />
      <Checkbox
        name="independenceDeclared"
        label={t("independenceDeclared")}
        defaultChecked={values.independenceDeclared === "on"}
        error={errors.independenceDeclared}
      />
    </>
  );
}

function DeclarationsFields({ values, errors }: FieldsProps) {
  const t = useTranslations("ApplicantForm");
  return (
    <>
      <RadioGroup
        name="requestedCategory"
        label={t("requestedCategory")}
        hint={t("requestedCategoryHint")}
        defaultValue={values.requestedCategory ?? ""}
        error={errors.requestedCategory}
        options={[
          { value: "participant", label: t("categoryParticipant"), hint: t("categoryParticipantHint") },
          { value: "observer", label: t("categoryObserver"), hint: t("categoryObserverHint") },
        ]}
      />
      <Checkbox name="truthful" label={t("truthful")} defaultChecked={values.truthful === "on"} error={errors.truthful} />
      <Checkbox name="codeOfConduct" label={t("codeOfConduct")} defaultChecked={values.codeOfConduct === "on"} error={errors.codeOfConduct} />
      <Checkbox name="membersAtRisk" label={t("membersAtRisk")} hint={t("membersAtRiskHint")} defaultChecked={values.membersAtRisk === "on"} />
    </>
  );
}

function RenewalFields({ values, errors }: FieldsProps) {
  const t = useTranslations("ApplicantForm");
  return <TextArea name="report" label={t("renewalReport")} hint={t("renewalReportHint")} defaultValue={values.report ?? ""} error={errors.report} required />;
}
