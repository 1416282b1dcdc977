import { getTranslations } from "next-intl/server";
import { pendingChallengeEmail } from "@/db/queries/sign-in-challenges";
import { redirect } from "@/lib/i18n/navigation";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { ConfirmSignInForm } from "./confirm-form";

export const generateMetadata = titleMetadata("SignIn", "confirmTitle", { robots: { index: false, follow: false }, referrer: "no-referrer" });

/**
 * Where the e-mail's link leads. Opening it (GET, HEAD, a prefetch, a mail scanner) changes nothing:
 * only the button signs in.
 */
export default async function ConfirmSignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in/confirm">) {
  const locale = await setPageLocale(params);
  const { token } = await searchParams;
  const email = typeof token === "string" && token.length <= 200 ? await pendingChallengeEmail(token) : null;
  if (!email || typeof token !== "string") {
    return redirect({ href: { pathname: "/sign-in", query: { error: "Verification" } }, locale });
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
