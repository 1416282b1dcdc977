"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import { signInWithCodeAction } from "../actions";

export function SignInCodeForm() {
  const t = useTranslations("SignIn");
  return (
    <section aria-labelledby="code-title" className="max-w-md space-y-4">
      <h2 id="code-title" className="text-lg font-semibold">
        {t("codeTitle")}
      </h2>
      <ActionForm action={signInWithCodeAction} labels={{ code: t("code") }} className="space-y-4">
        {({ state, pending }) => (
          <>
            <TextField
              name="code"
              label={t("code")}
              hint={t("codeHint")}
              autoComplete="one-time-code"
              required
              defaultValue={state.values?.code ?? ""}
              error={state.fieldErrors?.code}
              inputProps={{ inputMode: "numeric", maxLength: 12 }}
            />
            <SubmitButton pending={pending}>{t("codeSubmit")}</SubmitButton>
          </>
        )}
      </ActionForm>
    </section>
  );
}
