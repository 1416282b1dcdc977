"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { idle } from "@/lib/action-state";
import { confirmSignInAction } from "./actions";

export function ConfirmSignInForm({ token }: { token: string }) {
  const t = useTranslations("SignIn");
  const [state, formAction, pending] = useActionState(confirmSignInAction, idle);
  return (
    <form action={formAction} className="max-w-md space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending}>{t("confirmButton")}</SubmitButton>
    </form>
  );
}
