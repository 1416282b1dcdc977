import type { Metadata } from "next";
import { PrivacyNoticeLink } from "@/components/privacy/privacy-notice-link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "./sign-in-form";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as "es", namespace: "SignIn" });
  return { title: t("title") };
}

const ERROR_KEYS = { Verification: "errorVerification", AccessDenied: "errorAccessDenied" } as const;

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as "es");
  const { callbackUrl, error } = await searchParams;
  const t = await getTranslations("SignIn");
  const errorKey = error ? (ERROR_KEYS[error as keyof typeof ERROR_KEYS] ?? "errorGeneric") : null;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {errorKey && (
        <p className="max-w-md rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">{t(errorKey)}</p>
      )}
      <p className="max-w-xl text-slate-700">{t("lead")}</p>
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      <PrivacyNoticeLink />
    </section>
  );
}
