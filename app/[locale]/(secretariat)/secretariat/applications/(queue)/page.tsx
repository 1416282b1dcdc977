import { getFormatter, getTranslations } from "next-intl/server";
import { ApplicationAge } from "@/components/secretariat/application-age";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { CategoryFilter, CountryFilter } from "@/components/secretariat/domain-filters";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { Pager } from "@/components/ui/pager";
import { RenewalBadge } from "@/components/meetings/renewal-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { listAssignableStaff, listReviewQueue } from "@/db/queries/review-queue";
import { isOpen } from "@/lib/application-status";
import { ORGANIZATION_TYPES, THEMES } from "@/lib/domain";
import { Link } from "@/components/ui/link";
import {
  APPLICATION_KINDS,
  DEFAULT_STATUS_FILTER,
  parseQueueFilters,
  QUEUE_STATUSES,
  queueQuery,
  type QueueFilters,
  type StatusGroup,
} from "@/lib/queue-filters";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";

export const generateMetadata = titleMetadata("Queue");

export default async function ReviewQueuePage({ params, searchParams }: PageProps<"/[locale]/secretariat/applications">) {
  const locale = await setPageLocale(params);
  const filters = parseQueueFilters(await searchParams);
  const actor = await requirePageActor("application:read-any", `/secretariat/applications?${queueQuery(filters)}`);
  const [t, tStatus, tCountry, tLabels, tCategory, tKind, format, queue, staff] = await Promise.all([
    getTranslations("Queue"),
    getTranslations("Status"),
    getTranslations("Country"),
    getTranslations("SecretariatLabels"),
    getTranslations("Category"),
    getTranslations("ApplicationKind"),
    getFormatter(),
    listReviewQueue(actor, filters),
    listAssignableStaff(actor),
  ]);
  const query = queueQuery(filters);
  const now = new Date();
  const groupLabels: Record<StatusGroup, string> = { open: t("statusOpen"), decided: t("statusDecided"), all: t("statusAll") };
  const pageHref = (page: number) => `/${locale}/secretariat/applications?${queueQuery(filters, { page })}`;
  const exportHref = `/api/secretariat/queue?${query ? `${query}&` : ""}locale=${locale}`;
  const activeFilters = [
    filters.status !== DEFAULT_STATUS_FILTER,
    filters.country,
    filters.type,
    filters.theme,
    filters.category,
    filters.kind,
    filters.reviewer,
  ].filter(Boolean).length;
  const columns: Column<(typeof queue.rows)[number]>[] = [
    {
      key: "organization",
      header: t("organization"),
      rowHeader: true,
      sortKey: "name",
      cell: (row) => (
        <>
          <Link href={`/secretariat/applications/${row.id}`} className="font-medium text-brand-800 underline">
            {row.organization.legalName}
          </Link>
          {row.organization.acronym && <span className="text-slate-600"> ({row.organization.acronym})</span>}
          <span className="block text-xs text-slate-600">{tLabels(`organizationType.${row.organization.type}`)}</span>
          {row.isRenewal && (
            <span className="mt-1 block">
              <RenewalBadge />
            </span>
          )}
        </>
      ),
    },
    { key: "status", header: t("status"), cell: (row) => <StatusBadge status={row.status} /> },
    { key: "country", header: t("country"), cell: (row) => tCountry((row.organization.country ?? "regional") as "AR") },
    { key: "category", header: t("category"), cell: (row) => tCategory(row.requestedCategory) },
    {
      key: "submitted",
      header: t("submitted"),
      sortKey: "submitted",
      className: "tabular-nums",
      cell: (row) => (
        <>
          {row.submittedAt ? format.dateTime(row.submittedAt, { dateStyle: "medium" }) : t("nobody")}
          {isOpen(row.status) && (
            <span className="block text-xs text-slate-600">
              <ApplicationAge submittedAt={row.submittedAt} now={now} />
            </span>
          )}
        </>
      ),
    },
    { key: "assigned", header: t("assigned"), cell: (row) => (row.reviewer ? (row.reviewer.name ?? row.reviewer.email) : t("nobody")) },
  ];

  return (
    <ListPage title={t("title")}>
      <FilterBar
        label={t("filters")}
        search={{ label: t("search"), value: filters.q }}
        activeFilters={activeFilters}
        clearHref="/secretariat/applications"
        total={{ text: t("total", { total: queue.total }), testId: "queue-total" }}
        exportLink={{ href: exportHref, label: t("export") }}
      >
        <FilterSelect
          name="status"
          any={false}
          label={t("status")}
          value={filters.status}
          options={[
            ...Object.entries(groupLabels).map(([value, label]) => ({ value, label })),
            ...QUEUE_STATUSES.map((status) => ({ value: status, label: tStatus(status) })),
          ]}
        />
        <CountryFilter label={t("country")} value={filters.country} />
        <FilterSelect name="type" label={t("type")} value={filters.type} choices={ORGANIZATION_TYPES} labelOf={(type) => tLabels(`organizationType.${type}`)} />
        <FilterSelect name="theme" label={t("theme")} value={filters.theme} choices={THEMES} labelOf={(theme) => tLabels(`theme.${theme}`)} />
        <CategoryFilter label={t("category")} value={filters.category} />
        <FilterSelect name="kind" label={tKind("filter")} value={filters.kind} choices={APPLICATION_KINDS} labelOf={(kind) => tKind(kind)} />
        <FilterSelect
          name="reviewer"
          label={t("reviewer")}
          value={filters.reviewer}
          options={[
            { value: "me", label: t("reviewerMe") },
            { value: "none", label: t("reviewerNone") },
            ...staff.map((member) => ({ value: member.id, label: member.name ? `${member.name} <${member.email}>` : member.email })),
          ]}
        />
        <FilterSelect
          name="sort"
          any={false}
          label={t("sort")}
          value={filters.sort}
          options={[
            { value: "submitted", label: t("sortSubmitted") },
            { value: "updated", label: t("sortUpdated") },
            { value: "name", label: t("sortName") },
          ]}
        />
        <FilterSelect
          name="dir"
          any={false}
          label={t("direction")}
          value={filters.dir}
          options={[
            { value: "asc", label: t("asc") },
            { value: "desc", label: t("desc") },
          ]}
        />
      </FilterBar>

      <DataTable
        caption={t("tableCaption")}
        columns={columns}
        rows={queue.rows}
        rowKey={(row) => row.id}
        empty={t("empty")}
        sort={{
          key: filters.sort,
          dir: filters.dir,
          hrefFor: (sort, dir) => `/${locale}/secretariat/applications?${queueQuery(filters, { sort: sort as QueueFilters["sort"], dir, page: 1 })}`,
        }}
      />

      <Pager page={queue.page} pageCount={queue.pageCount} hrefFor={pageHref} />
    </ListPage>
  );
}
