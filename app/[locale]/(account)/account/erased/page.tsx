import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/domain";
import { Link } from "@/lib/i18n/navigation";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as Locale, namespace: "Account" });
  return { title: t("erasedTitle"), robots: { index: false } };
}

export default async function AccountErasedPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as Locale);
  const t = await getTranslations("Account");
  return (
    <section className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("erasedTitle")}</h1>
      <p>{t("erased")}</p>
      <Link href="/" className="text-brand-800 underline">
        {t("home")}
      </Link>
    </section>
  );
}
