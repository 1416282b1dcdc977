import { useTranslations } from "next-intl";
import { Checkbox, SelectField, TextArea, TextField } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";

export type DelegateValues = {
  name?: string | null;
  email?: string | null;
  roleInOrganization?: string | null;
  nationality?: string | null;
  accessibilityNeeds?: string | null;
  needsVisaLetter?: boolean | string | null;
  memberOrganizationId?: string | null;
};

/** The fields' labels by name, for the error summary. */
export function useDelegateLabels(): Record<string, string> {
  const t = useTranslations("DelegatesForm");
  return {
    ...Object.fromEntries(
      (["name", "email", "roleInOrganization", "nationality", "accessibilityNeeds", "needsVisaLetter"] as const).map((field) => [field, t(field)]),
    ),
    memberOrganizationId: t("memberOrganization"),
  };
}

/** The delegate's details; `prefix` keeps ids unique when one page holds several of these forms. */
export function DelegateFields({
  prefix,
  state,
  initial,
  coalitionMembers,
}: {
  prefix: string;
  state: ActionState;
  initial: DelegateValues;
  coalitionMembers: { id: string; name: string }[];
}) {
  const t = useTranslations("DelegatesForm");
  // After a failed submission the typed values win over the saved ones.
  const typed = state.status === "error" ? state.values : undefined;
  const value = (name: keyof DelegateValues) => typed?.[name] ?? (typeof initial[name] === "string" ? (initial[name] as string) : "");
  const errors = state.fieldErrors ?? {};
  const visaChecked = typed ? typed.needsVisaLetter === "on" : initial.needsVisaLetter === true;
  const id = (name: keyof DelegateValues) => `${prefix}-${name}`;
  const text = (name: "name" | "email" | "roleInOrganization" | "nationality", extra: { type?: string; hint?: string; autoComplete?: string } = {}) => (
    <TextField id={id(name)} name={name} label={t(name)} defaultValue={value(name)} error={errors[name]} required {...extra} />
  );
  return (
    <>
      {text("name", { autoComplete: "off" })}
      {text("email", { type: "email", autoComplete: "off" })}
      {text("roleInOrganization")}
      {text("nationality", { hint: t("nationalityHint") })}
      <TextArea
        id={id("accessibilityNeeds")}
        name="accessibilityNeeds"
        label={t("accessibilityNeeds")}
        hint={t("accessibilityHint")}
        defaultValue={value("accessibilityNeeds")}
        error={errors.accessibilityNeeds}
        rows={3}
      />
      <Checkbox id={id("needsVisaLetter")} name="needsVisaLetter" label={t("needsVisaLetter")} defaultChecked={visaChecked} error={errors.needsVisaLetter} />
      {coalitionMembers.length > 0 && (
        <SelectField
          id={id("memberOrganizationId")}
          name="memberOrganizationId"
          label={t("memberOrganization")}
          placeholder={t("coalitionItself")}
          defaultValue={value("memberOrganizationId")}
          error={errors.memberOrganizationId}
          options={coalitionMembers.map((member) => ({ value: member.id, label: member.name }))}
        />
      )}
    </>
  );
}
