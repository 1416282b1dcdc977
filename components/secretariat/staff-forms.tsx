"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { ActionForm, HiddenFields } from "@/components/ui/action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { type FormAction, idle } from "@/lib/action-state";
import { INVITED_ROLES, LOCALES } from "@/lib/domain";

export function InviteStaffForm({ action, locale, states }: { action: FormAction; locale: string; states: { value: string; label: string }[] }) {
  const t = useTranslations("Staff");
  const tRole = useTranslations("Role");
  const tLocale = useTranslations("LocaleSwitcher");
  return (
    <ActionForm action={action} labels={{ email: t("email"), role: t("role"), stateCountry: t("stateCountry"), locale: t("language") }}>
      {({ state, pending }) => {
        const values = state.status === "success" ? {} : (state.values ?? {});
        return (
          <>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                id="invite-email"
                name="email"
                type="email"
                label={t("email")}
                required
                autoComplete="off"
                defaultValue={values.email ?? ""}
                error={state.fieldErrors?.email}
              />
              {/* React's form reset puts a select back on its first rendered choice: a new key renders the kept one. */}
              <SelectField
                key={`role-${values.role ?? ""}`}
                id="invite-role"
                name="role"
                label={t("role")}
                defaultValue={values.role ?? "reviewer"}
                options={INVITED_ROLES.map((role) => ({ value: role, label: tRole(role) }))}
              />
              <SelectField
                key={`state-${values.stateCountry ?? ""}`}
                id="invite-state"
                name="stateCountry"
                label={t("stateCountry")}
                hint={t("stateCountryHint")}
                placeholder={t("noState")}
                defaultValue={values.stateCountry ?? ""}
                error={state.fieldErrors?.stateCountry}
                options={states}
              />
              <SelectField
                key={`locale-${values.locale ?? ""}`}
                id="invite-locale"
                name="locale"
                label={t("language")}
                defaultValue={values.locale ?? locale}
                options={LOCALES.map((code) => ({ value: code, label: tLocale(code) }))}
              />
            </div>
            <SubmitButton pending={pending}>{t("invite")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}

const noRoleChange: FormAction = async (state) => state;

export function StaffRowForms({
  changeRole,
  deactivate,
  userId,
  email,
  role,
}: {
  /** Null for a focal point: their role is not a staff role to change. */
  changeRole: FormAction | null;
  deactivate: FormAction;
  userId: string;
  email: string;
  role: "reviewer" | "admin" | "state";
}) {
  const t = useTranslations("Staff");
  const tRole = useTranslations("Role");
  const [roleState, roleAction, rolePending] = useActionState(changeRole ?? noRoleChange, idle);
  const [deactivateState, deactivateAction, deactivatePending] = useActionState(deactivate, idle);
  const selectId = `role-${userId}`;
  return (
    <div className="space-y-2">
      <FormMessage state={roleState} />
      <FormMessage state={deactivateState} />
      <div className="flex flex-wrap items-end gap-2">
        {changeRole && (
          <form action={roleAction} className="flex flex-wrap items-end gap-2">
            <HiddenFields values={{ userId }} />
            <label htmlFor={selectId} className="sr-only">
              {t("newRoleFor", { email })}
            </label>
            <select id={selectId} name="role" defaultValue={role} className={`${inputClass} w-auto`}>
              {(["reviewer", "admin"] as const).map((option) => (
                <option key={option} value={option}>
                  {tRole(option)}
                </option>
              ))}
            </select>
            <SubmitButton pending={rolePending} aria-label={`${t("saveRole")}: ${email}`}>
              {t("saveRole")}
            </SubmitButton>
          </form>
        )}
        <form action={deactivateAction}>
          <HiddenFields values={{ userId }} />
          <ConfirmDialog
            label={t("deactivate")}
            accessibleLabel={t("deactivateLabel", { email })}
            title={t("deactivateConfirmTitle")}
            confirmLabel={t("deactivateConfirm")}
            cancelLabel={t("deactivateCancel")}
            describe={() => <p>{t("deactivateConfirmText", { email })}</p>}
            pending={deactivatePending}
            tone="danger"
          />
        </form>
      </div>
    </div>
  );
}
