import { getFormatter, getTranslations } from "next-intl/server";
import { AccreditationStatusBadge } from "@/components/accreditations/accreditation-status-badge";
import { FilterActions } from "@/components/secretariat/filter-form-parts";
import { FilterSelect, Pagination } from "@/components/secretariat/filter-select";
import { inputClass } from "@/components/ui/form";
import { listAccreditedOrganizations } from "@/db/queries/secretariat-organizations";
import { organizationQuery, parseOrganizationFilters } from "@/lib/accreditation-schemas";
import { ACCREDITATION_CATEGORIES, ACCREDITATION_STATUSES, CSM_COUNTRIES } from "@/lib/domain";
import { Link } from "@/lib/i18n/navigation";
import { requirePageActor } from "@/lib/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";

export const generateMetadata = titleMetadata("AccreditedOrganizations");

export default async function AccreditedOrganizationsPage({ params, searchParams }: PageProps<"/[locale]/secretariat/organizations">) {
  const locale = await setPageLocale(params);
  const filters = parseOrganizationFilters(await searchParams);
  const actor = await requirePageActor("secretariat:access", `/secretariat/organizations?${organizationQuery(filters)}`);
  const [t, tCountry, tCategory, tLabels, format, list] = await Promise.all([
    getTranslations("AccreditedOrganizations"),
    getTranslations("Country"),
    getTranslations("Category"),
    getTranslations("SecretariatLabels"),
    getFormatter(),
    listAccreditedOrganizations(actor, filters),
  ]);
  const pageHref = (page: number) => `/${locale}/secretariat/organizations?${organizationQuery(filters, { page })}`;

  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>

      <form method="get" role="search" aria-label={t("filters")} className="space-y-4 rounded-lg border border-slate-200 p-4">
        <div className="space-y-1">
          <label htmlFor="filter-q" className="block text-sm font-medium">
            {t("search")}
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} className={inputClass} />
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <FilterSelect
            name="status"
            label={t("status")}
            value={filters.status}
            anyLabel={t("any")}
            options={ACCREDITATION_STATUSES.map((status) => ({ value: status, label: t(`statusLabel.${status}`) }))}
          />
          <FilterSelect
            name="category"
            label={t("category")}
            value={filters.category}
            anyLabel={t("any")}
            options={ACCREDITATION_CATEGORIES.map((category) => ({ value: category, label: tCategory(category) }))}
          />
          <FilterSelect
            name="country"
            label={t("country")}
            value={filters.country}
            anyLabel={t("any")}
            options={CSM_COUNTRIES.map((code) => ({ value: code, label: tCountry(code) }))}
          />
        </div>
        <FilterActions applyLabel={t("apply")} clearLabel={t("clear")} clearHref="/secretariat/organizations" />
      </form>

      <p role="status" className="font-semibold" data-testid="organizations-total">
        {t("total", { total: list.total })}
      </p>

      {list.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t("organization")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("status")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("category")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("country")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("lastChange")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/secretariat/organizations/${row.id}`} className="font-medium text-brand-800 underline">
                      {row.legalName}
                    </Link>
                    {row.acronym && <span className="text-slate-600"> ({row.acronym})</span>}
                    <span className="block text-xs text-slate-600">{tLabels(`organizationType.${row.type}`)}</span>
                  </th>
                  <td className="py-2 pr-3">
                    <AccreditationStatusBadge status={row.status} />
                  </td>
                  <td className="py-2 pr-3">{tCategory(row.category)}</td>
                  <td className="py-2 pr-3">{row.country ? tCountry(row.country as "AR") : t("regional")}</td>
                  <td className="py-2 pr-3 tabular-nums">{format.dateTime(row.updatedAt, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pageCount > 1 && (
        <Pagination
          label={t("pagination")}
          page={list.page}
          pageCount={list.pageCount}
          hrefFor={pageHref}
          previous={t("previous")}
          next={t("next")}
          pageOf={t("pageOf", { page: list.page, pageCount: list.pageCount })}
        />
      )}
    </section>
  );
}
