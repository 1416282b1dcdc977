"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { type FormAction, idle } from "@/lib/action-state";
import { LOCALES, STAFF_ROLES } from "@/lib/domain";

export function InviteStaffForm({ action, locale }: { action: FormAction; locale: string }) {
  const t = useTranslations("Staff");
  const tRole = useTranslations("Role");
  const tLocale = useTranslations("LocaleSwitcher");
  const [state, formAction, pending] = useActionState(action, idle);
  const values = state.status === "success" ? {} : (state.values ?? {});
  const emailError = state.fieldErrors?.email;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          id="invite-email"
          name="email"
          type="email"
          label={t("email")}
          required
          autoComplete="off"
          defaultValue={values.email ?? ""}
          error={emailError}
        />
        <SelectField
          id="invite-role"
          name="role"
          label={t("role")}
          defaultValue={values.role ?? "reviewer"}
          options={STAFF_ROLES.map((role) => ({ value: role, label: tRole(role) }))}
        />
        <SelectField
          id="invite-locale"
          name="locale"
          label={t("language")}
          defaultValue={values.locale ?? locale}
          options={LOCALES.map((code) => ({ value: code, label: tLocale(code) }))}
        />
      </div>
      <SubmitButton pending={pending}>{t("invite")}</SubmitButton>
    </form>
  );
}

export function StaffRowForms({
  changeRole,
  deactivate,
  userId,
  email,
  role,
}: {
  changeRole: FormAction;
  deactivate: FormAction;
  userId: string;
  email: string;
  role: "reviewer" | "admin";
}) {
  const t = useTranslations("Staff");
  const tRole = useTranslations("Role");
  const [roleState, roleAction, rolePending] = useActionState(changeRole, idle);
  const [deactivateState, deactivateAction, deactivatePending] = useActionState(deactivate, idle);
  const selectId = `role-${userId}`;
  return (
    <div className="space-y-2">
      <FormMessage state={roleState} />
      <FormMessage state={deactivateState} />
      <div className="flex flex-wrap items-end gap-2">
        <form action={roleAction} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="userId" value={userId} />
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
        <form action={deactivateAction}>
          <input type="hidden" name="userId" value={userId} />
          <button
            type="submit"
            disabled={deactivatePending}
            aria-label={t("deactivateLabel", { email })}
            className="rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {t("deactivate")}
          </button>
        </form>
      </div>
    </div>
  );
}
