import { getFormatter, getTranslations } from "next-intl/server";
import { FilterActions, ResultsBar } from "@/components/secretariat/filter-form-parts";
import { FilterSelect, Pagination } from "@/components/secretariat/filter-select";
import { inputClass } from "@/components/ui/form";
import { listAuditLog } from "@/db/queries/audit-log";
import { describeAudit } from "@/lib/audit-actions";
import { withFormerMember } from "@/lib/erased-person";
import { AUDIT_KINDS, auditQuery, parseAuditFilters } from "@/lib/audit-filters";
import { Link } from "@/lib/i18n/navigation";
import { requirePageActor } from "@/lib/session";
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

  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("lead")}</p>
      <form method="get" role="search" aria-label={t("filters")} className="space-y-4 rounded-lg border border-slate-200 p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <FilterSelect
            name="kind"
            label={t("kind")}
            value={filters.kind}
            anyLabel={t("any")}
            options={AUDIT_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          />
          <div className="space-y-1">
            <label htmlFor="filter-actor" className="block text-sm font-medium">
              {t("actor")}
            </label>
            <input id="filter-actor" name="actor" type="search" defaultValue={filters.actor ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-person" className="block text-sm font-medium">
              {tp("person")}
            </label>
            <input id="filter-person" name="person" type="search" defaultValue={filters.person ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-organization" className="block text-sm font-medium">
              {tp("organization")}
            </label>
            <input id="filter-organization" name="organization" type="search" defaultValue={filters.organization ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-from" className="block text-sm font-medium">
              {t("from")}
            </label>
            <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-to" className="block text-sm font-medium">
              {t("to")}
            </label>
            <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
          </div>
        </div>
        <FilterActions applyLabel={t("apply")} clearLabel={t("clear")} clearHref="/secretariat/audit" />
      </form>

      <ResultsBar total={t("total", { total: log.total })} exportHref={exportHref} exportLabel={t("export")} testId="audit-total" />

      {log.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        // Focusable so a keyboard can scroll the table on a narrow screen.
        <div className="overflow-x-auto" role="region" aria-label={t("tableCaption")} tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t("when")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {tp("entry")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {tp("changes")}
                </th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((entry) => ({ ...entry, readable: describeAudit(withFormerMember(entry, tPerson("formerMember")), locale) })).map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                    <time dateTime={row.createdAt.toISOString()}>
                      {format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </time>
                  </td>
                  <td className="py-2 pr-3">
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
                  </td>
                  <td className="py-2 pr-3">
                    {row.readable.changes.length > 0 && (
                      <ul className="space-y-1">
                        {row.readable.changes.map((change) => (
                          <li key={change.field}>{tp("change", change)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {log.pageCount > 1 && (
        <Pagination
          label={t("pagination")}
          page={log.page}
          pageCount={log.pageCount}
          hrefFor={(page) => `/${locale}/secretariat/audit?${auditQuery(filters, { page })}`}
          previous={t("previous")}
          next={t("next")}
          pageOf={t("pageOf", { page: log.page, pageCount: log.pageCount })}
        />
      )}
    </section>
  );
}
