import { getFormatter, getTranslations } from "next-intl/server";
import { RetryAllDeliveriesForm, RetryDeliveryForm } from "@/components/secretariat/delivery-forms";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { Pager } from "@/components/ui/pager";
import { listDeliveries } from "@/db/queries/deliveries";
import { DELIVERY_KINDS, DELIVERY_STATUSES, deliveryQuery, parseDeliveryFilters } from "@/lib/delivery-filters";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { retryAllDeliveriesAction, retryDeliveryAction } from "./actions";

export const generateMetadata = titleMetadata("Deliveries");

export default async function DeliveriesPage({ params, searchParams }: PageProps<"/[locale]/secretariat/deliveries">) {
  const locale = await setPageLocale(params);
  const filters = parseDeliveryFilters(await searchParams);
  const actor = await requirePageActor("delivery:manage", `/secretariat/deliveries?${deliveryQuery(filters)}`);
  const [t, format, list] = await Promise.all([getTranslations("Deliveries"), getFormatter(), listDeliveries(actor, filters)]);
  const columns: Column<(typeof list.rows)[number]>[] = [
    {
      key: "created",
      header: t("created"),
      className: "whitespace-nowrap tabular-nums",
      cell: (row) => <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}</time>,
    },
    { key: "recipient", header: t("recipient"), className: "break-all", cell: (row) => row.to },
    { key: "kind", header: t("kind"), className: "font-mono text-xs", cell: (row) => row.kind },
    { key: "subject", header: t("subject"), cell: (row) => row.subject },
    { key: "status", header: t("status"), cell: (row) => t(`statuses.${row.status}`) },
    { key: "attempts", header: t("attempts"), className: "tabular-nums", cell: (row) => row.attempts },
    { key: "error", header: t("error"), className: "font-mono text-xs break-all", cell: (row) => (row.status === "sent" ? "" : (row.error ?? "")) },
    {
      key: "actions",
      header: t("actions"),
      cell: (row) => row.status === "dead" && <RetryDeliveryForm action={retryDeliveryAction} id={row.id} label={t("retry")} subject={row.subject} />,
    },
  ];

  return (
    <ListPage title={t("title")} lead={t("lead")}>
      <ul className="flex flex-wrap gap-4" aria-label={t("status")}>
        {DELIVERY_STATUSES.map((status) => (
          <li key={status} className="rounded border border-slate-200 px-3 py-1" data-testid={`deliveries-${status}`}>
            {t(`statuses.${status}`)}: <span className="font-semibold tabular-nums">{list.counts[status]}</span>
          </li>
        ))}
      </ul>
      {list.counts.dead > 0 && <RetryAllDeliveriesForm action={retryAllDeliveriesAction} label={t("retryAll")} />}
      <FilterBar
        label={t("filters")}
        activeFilters={[filters.status, filters.kind, filters.recipient].filter(Boolean).length}
        clearHref="/secretariat/deliveries"
        total={{ text: t("total", { total: list.total }), testId: "deliveries-total" }}
      >
        <FilterSelect name="status" label={t("status")} value={filters.status} choices={DELIVERY_STATUSES} labelOf={(status) => t(`statuses.${status}`)} />
        <FilterSelect name="kind" label={t("kind")} value={filters.kind} choices={DELIVERY_KINDS} labelOf={(kind) => kind} />
        <FilterInput name="recipient" label={t("recipient")} value={filters.recipient} />
      </FilterBar>

      <DataTable caption={t("tableCaption")} columns={columns} rows={list.rows} rowKey={(row) => row.id} empty={t("empty")} rowTestId="delivery-row" />

      <Pager page={list.page} pageCount={list.pageCount} hrefFor={(page) => `/${locale}/secretariat/deliveries?${deliveryQuery(filters, { page })}`} />
    </ListPage>
  );
}
