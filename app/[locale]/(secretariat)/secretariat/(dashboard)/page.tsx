import { getTranslations } from "next-intl/server";
import { WorkList } from "@/components/secretariat/work-list";
import { countDashboard, listMyAssignedWork, listWaitingLongest } from "@/db/queries/dashboard";
import { countDeadDeliveries } from "@/db/queries/deliveries";
import { pendingProfileChanges } from "@/db/queries/profile-changes";
import { DASHBOARD_QUERIES, queueHref } from "@/lib/dashboard-links";
import { can } from "@/lib/permissions";
import { Link } from "@/components/ui/link";
import { QUEUE_STATUSES } from "@/lib/queue-filters";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";

export const generateMetadata = titleMetadata("Secretariat");

export default async function SecretariatHomePage({ params }: PageProps<"/[locale]/secretariat">) {
  await setPageLocale(params);
  const actor = await requirePageActor("secretariat:access", "/secretariat");
  const [tChange, t, tStatus, tDeliveries, counts, waiting, mine, dead, changes] = await Promise.all([
    getTranslations("ProfileChange"),
    getTranslations("Secretariat"),
    getTranslations("Status"),
    getTranslations("Deliveries"),
    countDashboard(actor),
    listWaitingLongest(actor),
    listMyAssignedWork(actor),
    can(actor.role, "delivery:manage") ? countDeadDeliveries(actor) : 0,
    pendingProfileChanges(actor),
  ]);
  const now = new Date();
  const countLink = "font-semibold text-brand-800 underline";
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("lead")}</p>
      {dead > 0 && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="dead-deliveries">
          <Link href="/secretariat/deliveries?status=dead" className="font-semibold text-brand-800 underline">
            {tDeliveries("deadWarning", { count: dead })}
          </Link>
        </p>
      )}
      {changes.total > 0 && (
        <section
          aria-labelledby="profile-changes-title"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3"
          data-testid="pending-profile-changes"
        >
          <h2 id="profile-changes-title" className="font-semibold">
            {tChange("pendingCount", { count: changes.total })}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {changes.rows.map((row) => (
              <li key={row.organizationId}>
                <Link href={`/secretariat/organizations/${row.organizationId}`} className="text-brand-800 underline">
                  {row.legalName}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title" className="sr-only">
          {t("shortcutsTitle")}
        </h2>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {can(actor.role, "application:decide") && (
            <li>
              <Link href={queueHref(DASHBOARD_QUERIES.toDecide)} className={countLink} data-testid="to-decide">
                {t("toDecide", { count: counts.toDecide })}
              </Link>
            </li>
          )}
          <li>
            <Link href={queueHref(DASHBOARD_QUERIES.assignedToMe)} className={countLink} data-testid="assigned-to-me">
              {t("assignedToMe", { count: counts.assignedToMe })}
            </Link>
          </li>
          <li>
            <Link href={queueHref(DASHBOARD_QUERIES.open)} className={countLink} data-testid="open-count">
              {t("openCount", { count: counts.open })}
            </Link>
          </li>
        </ul>
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <WorkList id="my-work" title={t("myWorkTitle")} empty={t("myWorkEmpty")} items={mine} now={now} />
        <WorkList id="waiting" title={t("waitingTitle")} empty={t("waitingEmpty")} items={waiting} now={now} />
      </div>
      <table className="w-full max-w-lg border-collapse text-left">
        <caption className="mb-2 text-left text-lg font-semibold">{t("countsTitle")}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">
              {t("status")}
            </th>
            <th scope="col" className="py-2 text-right">
              {t("count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {QUEUE_STATUSES.map((status) => (
            <tr key={status} className="border-b border-slate-100">
              <th scope="row" className="py-1 font-normal">
                {tStatus(status)}
              </th>
              <td className="py-1 text-right tabular-nums" data-testid={`count-${status}`}>
                <Link href={queueHref(DASHBOARD_QUERIES.status(status))} className="text-brand-800 underline">
                  {counts.byStatus[status]}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="py-2">
              {t("total")}
            </th>
            <td className="py-2 text-right font-semibold tabular-nums" data-testid="count-all">
              <Link href={queueHref(DASHBOARD_QUERIES.all)} className="text-brand-800 underline">
                {counts.all}
              </Link>
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
