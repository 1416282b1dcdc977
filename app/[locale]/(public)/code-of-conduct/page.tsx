import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/seo";

type Props = PageProps<"/[locale]/code-of-conduct">;

const PRINCIPLES = ["respect", "representation", "independence", "confidentiality", "noPromotion", "accountability"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "CodeOfConduct" });
  return pageMetadata(locale, "/code-of-conduct", t("title"), t("lead"));
}

/** What an organization accepts in its declarations; linked from the application form. */
export default async function CodeOfConductPage({ params }: Props) {
  await setPageLocale(params);
  const t = await getTranslations("CodeOfConduct");
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="text-lg text-slate-700">{t("lead")}</p>
      </header>
      <ol className="list-decimal space-y-4 pl-6">
        {PRINCIPLES.map((principle) => (
          <li key={principle} className="space-y-1">
            <h2 className="text-lg font-semibold">{t(`principle.${principle}.title`)}</h2>
            <p>{t(`principle.${principle}.text`)}</p>
          </li>
        ))}
      </ol>
      <p className="text-slate-700">{t("breaches")}</p>
      <p>
        <Link href="/how-to-take-part" className="text-brand-800 underline">
          {t("howToTakePart")}
        </Link>
      </p>
    </article>
  );
}
