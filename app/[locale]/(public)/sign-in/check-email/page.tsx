import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { isMailboxEnabled } from "@/lib/server/mail";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { SignInCodeForm } from "./code-form";

export default async function CheckEmailPage({ params }: PageProps<"/[locale]/sign-in/check-email">) {
  await setPageLocale(params);
  const [t, tNav] = await Promise.all([getTranslations("SignIn"), getTranslations("Nav")]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("checkEmailTitle")}</h1>
      <p className="max-w-xl">{t("checkEmail")}</p>
      {isMailboxEnabled() && (
        <p className="max-w-xl text-slate-700">
          {t("mailboxHint")}{" "}
          <Link href="/mailbox" className="text-brand-700 underline">
            {tNav("mailbox")}
          </Link>
        </p>
      )}
      <SignInCodeForm />
    </section>
  );
}
