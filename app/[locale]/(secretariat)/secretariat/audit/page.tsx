import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { Pager } from "@/components/ui/pager";
import { listAuditLog } from "@/db/queries/audit-log";
import { describeAudit } from "@/lib/audit-actions";
import { withFormerMember } from "@/lib/erased-person";
import { AUDIT_KINDS, auditQuery, parseAuditFilters } from "@/lib/audit-filters";
import { Link } from "@/components/ui/link";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";

export const generateMetadata = titleMetadata("AuditLog");

export default async function AuditLogPage({ params, searchParams }: PageProps<"/[locale]/secretariat/audit">) {
  const locale = await setPageLocale(params);
  const filters = parseAuditFilters(await searchParams);
  const actor = await requirePageActor("audit:read", `/secretariat/audit?${auditQuery(filters)}`);
  const [t, tp, tPerson, format, log] = await Promise.all([
    getTranslations("AuditLog"),
    getTranslations("AuditActions.page"),
    getTranslations("Person"),
    getFormatter(),
    listAuditLog(actor, filters),
  ]);
  const query = auditQuery(filters);
  const exportHref = `/api/secretariat/audit?${query ? `${query}&` : ""}locale=${locale}`;
  const activeFilters = [filters.kind, filters.actor, filters.person, filters.organization, filters.from, filters.to].filter(Boolean).length;
  const rows = log.rows.map((entry) => ({ ...entry, readable: describeAudit(withFormerMember(entry, tPerson("formerMember")), locale) }));
  const columns: Column<(typeof rows)[number]>[] = [
    {
      key: "when",
      header: t("when"),
      className: "whitespace-nowrap tabular-nums",
      cell: (row) => <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}</time>,
    },
    {
      key: "entry",
      header: tp("entry"),
      cell: (row) => (
        <>
          <p>
            {row.targetType === "application" && row.targetId ? (
              <Link href={`/secretariat/applications/${row.targetId}`} className="text-brand-800 underline">
                {row.readable.sentence}
              </Link>
            ) : (
              row.readable.sentence
            )}
          </p>
          {row.readable.reason && <p className="text-slate-700">{tp("reason", { reason: row.readable.reason })}</p>}
        </>
      ),
    },
    {
      key: "changes",
      header: tp("changes"),
      cell: (row) =>
        row.readable.changes.length > 0 && (
          <ul className="space-y-1">
            {row.readable.changes.map((change) => (
              <li key={change.field}>{tp("change", change)}</li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <ListPage title={t("title")} lead={t("lead")}>
      <FilterBar
        label={t("filters")}
        activeFilters={activeFilters}
        clearHref="/secretariat/audit"
        total={{ text: t("total", { total: log.total }), testId: "audit-total" }}
        exportLink={{ href: exportHref, label: t("export") }}
      >
        <FilterSelect name="kind" label={t("kind")} value={filters.kind} choices={AUDIT_KINDS} labelOf={(kind) => t(`kinds.${kind}`)} />
        <FilterInput name="actor" label={t("actor")} value={filters.actor} />
        <FilterInput name="person" label={tp("person")} value={filters.person} />
        <FilterInput name="organization" label={tp("organization")} value={filters.organization} />
        <FilterInput name="from" label={t("from")} value={filters.from} type="date" />
        <FilterInput name="to" label={t("to")} value={filters.to} type="date" />
      </FilterBar>

      <DataTable caption={t("tableCaption")} columns={columns} rows={rows} rowKey={(row) => row.id} empty={t("empty")} />

      <Pager page={log.page} pageCount={log.pageCount} hrefFor={(page) => `/${locale}/secretariat/audit?${auditQuery(filters, { page })}`} />
    </ListPage>
  );
}
