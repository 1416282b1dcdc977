"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { type ActionState, idle } from "@/lib/action-state";
import { LOCALES, STAFF_ROLES } from "@/lib/domain";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

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
        <div className="space-y-1">
          <label htmlFor="invite-email" className="block font-medium">
            {t("email")}
          </label>
          <input
            id="invite-email"
            name="email"
            type="email"
            required
            autoComplete="off"
            defaultValue={values.email ?? ""}
            aria-invalid={emailError ? true : undefined}
            aria-describedby="invite-email-error"
            className={inputClass}
          />
          <FieldError id="invite-email-error" message={emailError} />
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block font-medium">
            {t("role")}
          </label>
          <select id="invite-role" name="role" defaultValue={values.role ?? "reviewer"} className={inputClass}>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {tRole(role)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-locale" className="block font-medium">
            {t("language")}
          </label>
          <select id="invite-locale" name="locale" defaultValue={values.locale ?? locale} className={inputClass}>
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {tLocale(code)}
              </option>
            ))}
          </select>
        </div>
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
