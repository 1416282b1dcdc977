import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { pendingChallengeEmail } from "@/db/queries/sign-in-challenges";
import { redirect } from "@/lib/i18n/navigation";
import { ConfirmSignInForm } from "./confirm-form";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as "es", namespace: "SignIn" });
  return { title: t("confirmTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * Where the e-mail's link leads. Opening it (GET, HEAD, a prefetch, a mail scanner) changes nothing:
 * only the button signs in.
 */
export default async function ConfirmSignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as "es");
  const { token } = await searchParams;
  const email = typeof token === "string" && token.length <= 200 ? await pendingChallengeEmail(token) : null;
  if (!email || typeof token !== "string") {
    return redirect({ href: { pathname: "/sign-in", query: { error: "Verification" } }, locale: locale as "es" });
  }
  const t = await getTranslations("SignIn");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("confirmTitle")}</h1>
      <p className="max-w-xl">{t("confirmLead", { email })}</p>
      <ConfirmSignInForm token={token} />
      <p className="max-w-xl text-slate-700">{t("confirmNotYou")}</p>
    </section>
  );
}
