import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { privacySettings } from "@/lib/privacy-settings";
import { pageMetadata } from "@/lib/seo";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";

type Props = PageProps<"/[locale]/privacy">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "PrivacyNotice" });
  return pageMetadata(locale, "/privacy", t("title"), t("description"));
}

export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  await setPageLocale(params);
  // The retention period and the contact are the running server's settings, not the build's.
  await connection();
  const t = await getTranslations("PrivacyNotice");
  const { delegateDataRetentionDays, contactEmail } = privacySettings();
  const h2 = "text-xl font-semibold";
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="text-lg text-slate-700">{t("lead")}</p>
      </header>
      <section aria-labelledby="collected" className="space-y-2">
        <h2 id="collected" className={h2}>
          {t("collectedTitle")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t("collectedAccount")}</li>
          <li>{t("collectedApplication")}</li>
          <li>{t("collectedDelegates")}</li>
        </ul>
      </section>
      <section aria-labelledby="why" className="space-y-2">
        <h2 id="why" className={h2}>
          {t("whyTitle")}
        </h2>
        <p>{t("why")}</p>
      </section>
      <section aria-labelledby="who" className="space-y-2">
        <h2 id="who" className={h2}>
          {t("whoTitle")}
        </h2>
        <p>{t("who")}</p>
        <p className="font-medium">{t("publicNever")}</p>
      </section>
      <section aria-labelledby="kept" className="space-y-2">
        <h2 id="kept" className={h2}>
          {t("keptTitle")}
        </h2>
        <p>{t("keptDelegates", { days: delegateDataRetentionDays })}</p>
        <p>{t("keptAccount")}</p>
      </section>
      <section aria-labelledby="rights" className="space-y-2">
        <h2 id="rights" className={h2}>
          {t("rightsTitle")}
        </h2>
        <p>{t("rights")}</p>
        <p>
          <Link href="/account" className="text-brand-800 underline">
            {t("rightsLink")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="ask" className="space-y-2">
        <h2 id="ask" className={h2}>
          {t("askTitle")}
        </h2>
        <p>{contactEmail ? t("askEmail", { email: contactEmail }) : t("askSecretariat")}</p>
      </section>
    </article>
  );
}
