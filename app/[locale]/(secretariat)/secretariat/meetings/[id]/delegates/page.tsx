import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CredentialActions } from "@/components/delegates/credential-actions";
import { DelegateDecisionForm } from "@/components/delegates/decision-form";
import { DelegateStatusBadge } from "@/components/delegates/delegate-status-badge";
import { CountryFilter } from "@/components/secretariat/domain-filters";
import { FigureTable } from "@/components/ui/figure-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { listMeetingDelegates, type MeetingFigures } from "@/db/queries/delegates-staff";
import { DELEGATE_STATUSES } from "@/lib/domain";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { decideDelegateAction, reissueCredentialAction } from "./actions";

export const generateMetadata = titleMetadata("Delegates");

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function MeetingDelegatesPage({ params, searchParams }: PageProps<"/[locale]/secretariat/meetings/[id]/delegates">) {
  const locale = await setPageLocale(params);
  const { id } = await params;
  const actor = await requirePageActor("delegate:confirm", `/secretariat/meetings/${id}/delegates`);
  const query = await searchParams;
  const result = await listMeetingDelegates(actor, id, {
    status: first(query.status),
    country: first(query.country),
    organizationId: first(query.organizationId),
  });
  if (!result) notFound();
  const [t, tStatus, tCountry] = await Promise.all([getTranslations("DelegatesStaff"), getTranslations("DelegateStatus"), getTranslations("Country")]);
  const { meeting, filters, delegates, organizations, figures } = result;
  const path = `/secretariat/meetings/${meeting.id}/delegates`;
  return (
    <section className="space-y-6">
      <PageHeader back={{ href: `/secretariat/meetings/${meeting.id}`, label: t("back") }} title={t("title", { meeting: meeting.number })} lead={t("lead")} />

      <Figures figures={figures} />

      <FilterBar
        label={t("filters")}
        activeFilters={[filters.status, filters.country, filters.organizationId].filter(Boolean).length}
        clearHref={path}
        total={{ text: t("results", { count: delegates.length }), testId: "delegate-count" }}
        exportLink={{ href: `/api/secretariat/meetings/${meeting.id}/delegates.csv?locale=${locale}`, label: t("csv") }}
      >
        <FilterSelect name="status" label={t("status")} value={filters.status} choices={DELEGATE_STATUSES} labelOf={(s) => tStatus(s)} />
        <CountryFilter label={t("country")} value={filters.country} regional />
        <FilterSelect
          name="organizationId"
          label={t("organization")}
          value={filters.organizationId}
          options={organizations.map((o) => ({ value: o.id, label: o.name }))}
        />
      </FilterBar>
      {delegates.length === 0 ? (
        <p>{t("noResults")}</p>
      ) : (
        <ul className="space-y-3">
          {delegates.map((delegate) => (
            <li key={delegate.id} className="space-y-2 rounded-md border border-slate-200 p-3" data-delegate={delegate.email}>
              <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                {delegate.name} <DelegateStatusBadge status={delegate.status} />
              </h2>
              <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
                <dt className="font-medium">{t("email")}</dt>
                <dd className="break-all">{delegate.email}</dd>
                <dt className="font-medium">{t("organization")}</dt>
                <dd>
                  {delegate.organizationName} ({tCountry((delegate.organizationCountry ?? "regional") as "AR")})
                  {delegate.memberOrganizationName ? `, ${t("onBehalfOf", { organization: delegate.memberOrganizationName })}` : ""}
                </dd>
                {delegate.replacesName && (
                  <>
                    <dt className="font-medium">{t("substitution")}</dt>
                    <dd>{t("replaces", { name: delegate.replacesName })}</dd>
                  </>
                )}
                <dt className="font-medium">{t("role")}</dt>
                <dd>{delegate.roleInOrganization ?? "—"}</dd>
                <dt className="font-medium">{t("nationality")}</dt>
                <dd>{delegate.nationality ?? "—"}</dd>
                <dt className="font-medium">{t("visa")}</dt>
                <dd>{delegate.needsVisaLetter ? t("yes") : t("no")}</dd>
                <dt className="font-medium">{t("accessibility")}</dt>
                <dd>{delegate.accessibilityNeeds ?? "—"}</dd>
                {delegate.decisionReason && (
                  <>
                    <dt className="font-medium">{t("storedReason")}</dt>
                    <dd>{delegate.decisionReason}</dd>
                  </>
                )}
              </dl>
              <DelegateDecisionForm
                meetingId={meeting.id}
                delegateId={delegate.id}
                name={delegate.name}
                open={delegate.status === "nominated"}
                action={decideDelegateAction}
              />
              {delegate.status === "confirmed" && (
                <CredentialActions meetingId={meeting.id} delegateId={delegate.id} name={delegate.name} action={reissueCredentialAction} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

async function Figures({ figures }: { figures: MeetingFigures }) {
  const [t, tStatus, tCountry] = await Promise.all([getTranslations("DelegatesStaff"), getTranslations("DelegateStatus"), getTranslations("Country")]);
  return (
    <section aria-labelledby="delegate-figures" className="space-y-3 rounded-lg border border-slate-200 p-4">
      <h2 id="delegate-figures" className="text-xl font-semibold">
        {t("figures")}
      </h2>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt>{t("figuresOrganizations")}</dt>
        <dd className="font-semibold">{figures.organizations}</dd>
        <dt>{t("figuresVisa")}</dt>
        <dd className="font-semibold">{figures.visaLetters}</dd>
        <dt>{t("figuresAccessibility")}</dt>
        <dd className="font-semibold">{figures.accessibilityNeeds}</dd>
      </dl>
      <div className="grid gap-4 md:grid-cols-3">
        <FigureTable
          caption={t("figuresByStatus")}
          label={t("status")}
          count={t("count")}
          rows={Object.entries(figures.byStatus).map(([status, n]) => [tStatus(status as "nominated"), n])}
        />
        <FigureTable
          caption={t("figuresByCountry")}
          label={t("country")}
          count={t("count")}
          rows={figures.byCountry.map((row) => [tCountry((row.country ?? "regional") as "AR"), row.count])}
        />
        <FigureTable
          caption={t("figuresByNationality")}
          label={t("nationality")}
          count={t("count")}
          rows={figures.byNationality.map((row) => [row.nationality, row.count])}
        />
      </div>
      <p className="text-sm text-slate-600">{t("figuresNote")}</p>
    </section>
  );
}
