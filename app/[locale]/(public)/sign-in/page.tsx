import { PrivacyNoticeLink } from "@/components/privacy/privacy-notice-link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "./sign-in-form";

export const generateMetadata = titleMetadata("SignIn");

const ERROR_KEYS = { Verification: "errorVerification", AccessDenied: "errorAccessDenied" } as const;

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  await setPageLocale(params);
  const { callbackUrl, error } = await searchParams;
  const t = await getTranslations("SignIn");
  const errorKey = error ? (ERROR_KEYS[error as keyof typeof ERROR_KEYS] ?? "errorGeneric") : null;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {errorKey && <p className="max-w-md rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800">{t(errorKey)}</p>}
      <p className="max-w-xl text-slate-700">{t("lead")}</p>
      <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      <PrivacyNoticeLink />
    </section>
  );
}
