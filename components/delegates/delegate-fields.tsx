import { useTranslations } from "next-intl";
import { FieldError, inputClass } from "@/components/ui/form";
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

type FieldProps = { prefix: string; name: keyof DelegateValues; label: string; hint?: string; error?: string };

function ids({ prefix, name, hint }: FieldProps) {
  const id = `${prefix}-${name}`;
  return { id, describedBy: hint ? `${id}-hint ${id}-error` : `${id}-error` };
}

function Text(props: FieldProps & { value: string; type?: string; multiline?: boolean; required?: boolean; autoComplete?: string }) {
  const { id, describedBy } = ids(props);
  const common = {
    id,
    name: props.name,
    defaultValue: props.value,
    required: props.required,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy,
    className: inputClass,
  };
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {props.label}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {props.hint}
        </p>
      )}
      {props.multiline ? <textarea rows={3} {...common} /> : <input type={props.type ?? "text"} autoComplete={props.autoComplete} {...common} />}
      <FieldError id={`${id}-error`} message={props.error} />
    </div>
  );
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
  const memberId = `${prefix}-memberOrganizationId`;
  return (
    <>
      <Text prefix={prefix} name="name" label={t("name")} value={value("name")} error={errors.name} required autoComplete="off" />
      <Text prefix={prefix} name="email" type="email" label={t("email")} value={value("email")} error={errors.email} required autoComplete="off" />
      <Text prefix={prefix} name="roleInOrganization" label={t("roleInOrganization")} value={value("roleInOrganization")} error={errors.roleInOrganization} required />
      <Text prefix={prefix} name="nationality" label={t("nationality")} hint={t("nationalityHint")} value={value("nationality")} error={errors.nationality} required />
      <Text
        prefix={prefix}
        name="accessibilityNeeds"
        label={t("accessibilityNeeds")}
        hint={t("accessibilityHint")}
        value={value("accessibilityNeeds")}
        error={errors.accessibilityNeeds}
        multiline
      />
      <label className="flex items-start gap-2">
        <input type="checkbox" name="needsVisaLetter" defaultChecked={visaChecked} className="mt-1 size-5 shrink-0" />
        <span>{t("needsVisaLetter")}</span>
      </label>
      {coalitionMembers.length > 0 && (
        <div className="space-y-1">
          <label htmlFor={memberId} className="block font-medium">
            {t("memberOrganization")}
          </label>
          <select
            id={memberId}
            name="memberOrganizationId"
            defaultValue={value("memberOrganizationId")}
            aria-invalid={errors.memberOrganizationId ? true : undefined}
            aria-describedby={`${memberId}-error`}
            className={inputClass}
          >
            <option value="">{t("coalitionItself")}</option>
            {coalitionMembers.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
          <FieldError id={`${memberId}-error`} message={errors.memberOrganizationId} />
        </div>
      )}
    </>
  );
}
