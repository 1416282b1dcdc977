"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/form";
import { requestSignInLinkAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("SignIn");
  return (
    <ActionForm
      action={requestSignInLinkAction}
      hidden={callbackUrl ? { callbackUrl } : undefined}
      labels={{ email: t("email") }}
      className="max-w-md space-y-4"
    >
      {({ state, pending }) => (
        <>
          <TextField
            name="email"
            type="email"
            label={t("email")}
            autoComplete="email"
            required
            defaultValue={state.values?.email ?? ""}
            error={state.fieldErrors?.email}
          />
          <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
