import { getFormatter, getTranslations } from "next-intl/server";
import { RetryAllDeliveriesForm, RetryDeliveryForm } from "@/components/secretariat/delivery-forms";
import { FilterActions } from "@/components/secretariat/filter-form-parts";
import { FilterSelect, Pagination } from "@/components/secretariat/filter-select";
import { inputClass } from "@/components/ui/form";
import { listDeliveries } from "@/db/queries/deliveries";
import { DELIVERY_KINDS, DELIVERY_STATUSES, deliveryQuery, parseDeliveryFilters } from "@/lib/delivery-filters";
import { requirePageActor } from "@/lib/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { retryAllDeliveriesAction, retryDeliveryAction } from "./actions";

export const generateMetadata = titleMetadata("Deliveries");

export default async function DeliveriesPage({ params, searchParams }: PageProps<"/[locale]/secretariat/deliveries">) {
  const locale = await setPageLocale(params);
  const filters = parseDeliveryFilters(await searchParams);
  const actor = await requirePageActor("delivery:manage", `/secretariat/deliveries?${deliveryQuery(filters)}`);
  const [t, format, list] = await Promise.all([getTranslations("Deliveries"), getFormatter(), listDeliveries(actor, filters)]);

  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("lead")}</p>
      <ul className="flex flex-wrap gap-4" aria-label={t("status")}>
        {DELIVERY_STATUSES.map((status) => (
          <li key={status} className="rounded border border-slate-200 px-3 py-1" data-testid={`deliveries-${status}`}>
            {t(`statuses.${status}`)}: <span className="font-semibold tabular-nums">{list.counts[status]}</span>
          </li>
        ))}
      </ul>
      {list.counts.dead > 0 && <RetryAllDeliveriesForm action={retryAllDeliveriesAction} label={t("retryAll")} />}
      <form method="get" role="search" aria-label={t("filters")} className="space-y-4 rounded-lg border border-slate-200 p-4">
        <div className="grid gap-3 sm:grid-cols-3">
          <FilterSelect
            name="status"
            label={t("status")}
            value={filters.status}
            anyLabel={t("any")}
            options={DELIVERY_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
          />
          <FilterSelect name="kind" label={t("kind")} value={filters.kind} anyLabel={t("any")} options={DELIVERY_KINDS.map((kind) => ({ value: kind, label: kind }))} />
          <div className="space-y-1">
            <label htmlFor="filter-recipient" className="block text-sm font-medium">
              {t("recipient")}
            </label>
            <input id="filter-recipient" name="recipient" type="search" defaultValue={filters.recipient ?? ""} className={inputClass} />
          </div>
        </div>
        <FilterActions applyLabel={t("apply")} clearLabel={t("clear")} clearHref="/secretariat/deliveries" />
      </form>

      <p role="status" className="font-semibold" data-testid="deliveries-total">
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
                <th scope="col" className="py-2 pr-3">{t("created")}</th>
                <th scope="col" className="py-2 pr-3">{t("recipient")}</th>
                <th scope="col" className="py-2 pr-3">{t("kind")}</th>
                <th scope="col" className="py-2 pr-3">{t("subject")}</th>
                <th scope="col" className="py-2 pr-3">{t("status")}</th>
                <th scope="col" className="py-2 pr-3">{t("attempts")}</th>
                <th scope="col" className="py-2 pr-3">{t("error")}</th>
                <th scope="col" className="py-2 pr-3">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 align-top" data-testid="delivery-row">
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums">
                    <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}</time>
                  </td>
                  <td className="py-2 pr-3 break-all">{row.to}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{row.kind}</td>
                  <td className="py-2 pr-3">{row.subject}</td>
                  <td className="py-2 pr-3">{t(`statuses.${row.status}`)}</td>
                  <td className="py-2 pr-3 tabular-nums">{row.attempts}</td>
                  <td className="py-2 pr-3 font-mono text-xs break-all">{row.status === "sent" ? "" : (row.error ?? "")}</td>
                  <td className="py-2 pr-3">
                    {row.status === "dead" && <RetryDeliveryForm action={retryDeliveryAction} id={row.id} label={t("retry")} subject={row.subject} />}
                  </td>
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
          hrefFor={(page) => `/${locale}/secretariat/deliveries?${deliveryQuery(filters, { page })}`}
          previous={t("previous")}
          next={t("next")}
          pageOf={t("pageOf", { page: list.page, pageCount: list.pageCount })}
        />
      )}
    </section>
  );
}
