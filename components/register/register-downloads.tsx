import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/domain";
import { Link } from "@/components/ui/link";
import { type RegisterQuery, registerSearchParams } from "@/lib/register-query";

export function downloadHref(kind: "csv" | "json", query: RegisterQuery, locale: Locale): string {
  const search = registerSearchParams(query, { withPage: false });
  search.set("lang", locale);
  return `/api/register.${kind}?${search}`;
}

export async function RegisterDownloads({ query, locale }: { query: RegisterQuery; locale: Locale }) {
  const t = await getTranslations("Register");
  const linkClass = "rounded-md border border-brand-700 px-3 py-2 font-medium text-brand-700 hover:bg-brand-50";
  return (
    <section aria-labelledby="register-downloads" className="space-y-2 border-t border-slate-200 pt-4">
      <h2 id="register-downloads" className="text-lg font-semibold">
        {t("downloadsTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("downloadsHint")}</p>
      <p className="flex flex-wrap items-center gap-3">
        <a href={downloadHref("csv", query, locale)} download className={linkClass}>
          {t("downloadCsv")}
        </a>
        <a href={downloadHref("json", query, locale)} className={linkClass}>
          {t("downloadJson")}
        </a>
        <Link href="/register/open-data" className="text-brand-700 underline">
          {t("openDataLink")}
        </Link>
      </p>
    </section>
  );
}
