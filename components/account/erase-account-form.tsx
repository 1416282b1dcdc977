"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage, SubmitButton } from "@/components/ui/form";
import { type ActionState, idle } from "@/lib/action-state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function EraseAccountForm({ action }: { action: FormAction }) {
  const t = useTranslations("Account");
  const [state, formAction, pending] = useActionState(action, idle);
  const confirmError = state.fieldErrors?.confirm;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <div className="space-y-1">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            className="mt-1 h-5 w-5"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby="erase-confirm-error"
          />
          <span>{t("confirmLabel")}</span>
        </label>
        <FieldError id="erase-confirm-error" message={confirmError} />
      </div>
      <SubmitButton pending={pending} className="rounded-md bg-red-700 px-5 py-3 font-semibold text-white hover:bg-red-800">
        {t("eraseButton")}
      </SubmitButton>
    </form>
  );
}
