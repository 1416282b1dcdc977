import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { VerifyForm } from "@/components/credentials/verify-form";
import { formatCode, normalizeCode } from "@/lib/credentials";
import { redirect } from "@/lib/i18n/navigation";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/seo";

type Props = PageProps<"/[locale]/verify">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "Verify" });
  return pageMetadata(locale, "/verify", t("title"), t("lead"));
}

/** Where anyone holding a letter or badge of the portal checks its code. */
export default async function VerifyPage({ params, searchParams }: Props) {
  const locale = await setPageLocale(params);
  const { code } = await searchParams;
  const typed = Array.isArray(code) ? code[0] : code;
  if (typed?.trim()) {
    // A code that cannot be one still gets its page, which says it was not issued.
    const code = normalizeCode(typed);
    redirect({ href: `/verify/${code ? formatCode(code) : encodeURIComponent(typed.trim().slice(0, 40))}`, locale });
  }
  const t = await getTranslations("Verify");
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p className="text-lg text-slate-700">{t("lead")}</p>
      <VerifyForm locale={locale} />
    </article>
  );
}
