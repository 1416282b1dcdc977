"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError, FormMessage, inputClass, SubmitButton } from "@/components/ui/form";
import { idle } from "@/lib/action-state";
import { signInWithCodeAction } from "../actions";

export function SignInCodeForm() {
  const t = useTranslations("SignIn");
  const [state, formAction, pending] = useActionState(signInWithCodeAction, idle);
  const codeError = state.fieldErrors?.code;
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <h2 className="text-lg font-semibold">{t("codeTitle")}</h2>
      <FormMessage state={state} />
      <div className="space-y-1">
        <label htmlFor="code" className="block font-medium">
          {t("code")}
        </label>
        <p id="code-hint" className="text-sm text-slate-700">
          {t("codeHint")}
        </p>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          defaultValue={state.values?.code ?? ""}
          aria-invalid={codeError ? true : undefined}
          aria-describedby="code-hint code-error"
          className={inputClass}
        />
        <FieldError id="code-error" message={codeError} />
      </div>
      <SubmitButton pending={pending}>{t("codeSubmit")}</SubmitButton>
    </form>
  );
}
