"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/form";
import { confirmSignInAction } from "./actions";

export function ConfirmSignInForm({ token }: { token: string }) {
  const t = useTranslations("SignIn");
  return (
    <ActionForm action={confirmSignInAction} hidden={{ token }} className="max-w-md space-y-4">
      {({ pending }) => <SubmitButton pending={pending}>{t("confirmButton")}</SubmitButton>}
    </ActionForm>
  );
}
