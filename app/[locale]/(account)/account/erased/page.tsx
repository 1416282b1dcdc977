import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";

export const generateMetadata = titleMetadata("Account", "erasedTitle", { robots: { index: false } });

export default async function AccountErasedPage({ params }: PageProps<"/[locale]/account/erased">) {
  await setPageLocale(params);
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
