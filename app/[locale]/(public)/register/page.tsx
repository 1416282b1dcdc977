import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FiguresChart } from "@/components/register/figures-chart";
import { OrganizationCard } from "@/components/register/organization-card";
import { RegisterDownloads } from "@/components/register/register-downloads";
import { RegisterFilters } from "@/components/register/register-filters";
import { RegisterPagination, pageHref } from "@/components/register/register-pagination";
import { getRegisterFigures, getRegisterPage } from "@/db/queries/public-register-cache";
import { Link } from "@/components/ui/link";
import { hasFilters, PAGE_SIZES, parseRegisterQuery, REGISTER_PAGE_SIZE } from "@/lib/register-query";
import { pageMetadata } from "@/lib/seo";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";
import { tidySearch } from "./tidy-search";

type Props = PageProps<"/[locale]/register">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "Register" });
  return pageMetadata(locale, "/register", t("title"), t("description"));
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const locale = await setPageLocale(params);
  const raw = await searchParams;
  const tidy = tidySearch(raw);
  if (tidy !== null) redirect(`/${locale}/register${tidy}`);
  const parsed = parseRegisterQuery(raw, { maxPerPage: Math.max(...PAGE_SIZES) });
  const query = (PAGE_SIZES as readonly number[]).includes(parsed.perPage) ? parsed : { ...parsed, perPage: REGISTER_PAGE_SIZE };
  const landing = !hasFilters(query) && query.page === 1;
  const [t, tPending, page, figures] = await Promise.all([
    getTranslations("Register"),
    getTranslations("PendingRegister"),
    getRegisterPage(query, locale),
    landing ? getRegisterFigures() : null,
  ]);
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("lead")}</p>
        <p>
          <Link href="/register/pending" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {tPending("registerLink")}
          </Link>
        </p>
      </header>
      <RegisterFilters query={query} locale={locale} />
      <section aria-labelledby="register-results" className="space-y-4">
        <h2 id="register-results" className="text-xl font-semibold">
          {t("results", { total: page.total })}
        </h2>
        {page.items.length > 0 ? (
          <ul className="grid gap-4 md:grid-cols-2" aria-labelledby="register-results">
            {page.items.map((organization) => (
              <li key={organization.slug}>
                <OrganizationCard organization={organization} />
              </li>
            ))}
          </ul>
        ) : page.total === 0 ? (
          <p className="rounded-md border border-slate-200 bg-slate-50 p-4">{t("noResults")}</p>
        ) : (
          <p className="rounded-md border border-slate-200 bg-slate-50 p-4">
            {t("noResultsOnPage")}{" "}
            <Link href={pageHref(query, 1)} className="text-brand-700 underline">
              {t("firstPage")}
            </Link>
          </p>
        )}
        <RegisterPagination query={query} pageCount={page.pageCount} />
      </section>
      {figures && <FiguresChart figures={figures} locale={locale} />}
      <RegisterDownloads query={query} locale={locale} />
    </div>
  );
}
