import { getFormatter, getTranslations } from "next-intl/server";
import { AccreditationStatusBadge } from "@/components/accreditations/accreditation-status-badge";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { CategoryFilter, CountryFilter } from "@/components/secretariat/domain-filters";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Pager } from "@/components/ui/pager";
import { listAccreditedOrganizations } from "@/db/queries/secretariat-organizations";
import { organizationQuery, parseOrganizationFilters } from "@/lib/accreditation-schemas";
import { ACCREDITATION_STATUSES } from "@/lib/domain";
import { Link } from "@/components/ui/link";
import { requirePageActor } from "@/lib/server/session";
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
  const columns: Column<(typeof list.rows)[number]>[] = [
    {
      key: "organization",
      header: t("organization"),
      rowHeader: true,
      cell: (row) => (
        <>
          <Link href={`/secretariat/organizations/${row.id}`} className="font-medium text-brand-800 underline">
            {row.legalName}
          </Link>
          {row.acronym && <span className="text-slate-600"> ({row.acronym})</span>}
          <span className="block text-xs text-slate-600">{tLabels(`organizationType.${row.type}`)}</span>
        </>
      ),
    },
    { key: "status", header: t("status"), cell: (row) => <AccreditationStatusBadge status={row.status} /> },
    { key: "category", header: t("category"), cell: (row) => tCategory(row.category) },
    { key: "country", header: t("country"), cell: (row) => (row.country ? tCountry(row.country as "AR") : t("regional")) },
    { key: "lastChange", header: t("lastChange"), className: "tabular-nums", cell: (row) => format.dateTime(row.updatedAt, { dateStyle: "medium" }) },
  ];

  return (
    <ListPage title={t("title")}>
      <FilterBar
        label={t("filters")}
        search={{ label: t("search"), value: filters.q }}
        activeFilters={[filters.status, filters.category, filters.country].filter(Boolean).length}
        clearHref="/secretariat/organizations"
        total={{ text: t("total", { total: list.total }), testId: "organizations-total" }}
      >
        <FilterSelect
          name="status"
          label={t("status")}
          value={filters.status}
          choices={ACCREDITATION_STATUSES}
          labelOf={(status) => t(`statusLabel.${status}`)}
        />
        <CategoryFilter label={t("category")} value={filters.category} />
        <CountryFilter label={t("country")} value={filters.country} />
      </FilterBar>

      <DataTable caption={t("tableCaption")} columns={columns} rows={list.rows} rowKey={(row) => row.id} empty={t("empty")} />

      <Pager page={list.page} pageCount={list.pageCount} hrefFor={pageHref} />
    </ListPage>
  );
}
