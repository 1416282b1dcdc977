import { PageHeader } from "@/components/ui/page-header";
import { PrivacyNoticeLink } from "@/components/privacy/privacy-notice-link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EditDelegateForm, NominateForm, SubstituteDelegateForm, WithdrawDelegateForm } from "@/components/delegates/delegate-forms";
import { DelegateStatusBadge } from "@/components/delegates/delegate-status-badge";
import { LetterLinks } from "@/components/delegates/letter-links";
import { listOwnNominations, type OwnDelegate, type OwnMeeting } from "@/db/queries/delegates-own";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { editDelegateAction, nominateDelegateAction, substituteDelegateAction, withdrawDelegateAction } from "./actions";

export const generateMetadata = titleMetadata("Delegates");

export default async function OrganizationDelegatesPage({ params }: PageProps<"/[locale]/applicant/organizations/[organizationId]/delegates">) {
  await setPageLocale(params);
  const { organizationId } = await params;
  const actor = await requirePageActor("delegate:nominate-own", `/applicant/organizations/${organizationId}/delegates`);
  const nominations = await listOwnNominations(actor, organizationId);
  if (!nominations) notFound();
  const t = await getTranslations("Delegates");
  const active = nominations.accreditation?.status === "active";
  return (
    <section className="space-y-6">
      <PageHeader back={{ href: "/applicant", label: t("back") }} title={t("title")} lead={t("lead", { organization: nominations.organizationName })} />
      <PrivacyNoticeLink />
      {!active && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
          {nominations.accreditation ? t(nominations.accreditation.status === "revoked" ? "revoked" : "suspended") : t("notAccredited")}
        </p>
      )}
      {nominations.meetings.length === 0 && <p>{t("noMeetings")}</p>}
      {nominations.meetings.map((meeting) => (
        <MeetingNominations
          key={meeting.id}
          meeting={meeting}
          organizationId={organizationId}
          editable={active && meeting.open}
          coalitionMembers={nominations.coalitionMembers}
        />
      ))}
    </section>
  );
}

async function MeetingNominations({
  meeting,
  organizationId,
  editable,
  coalitionMembers,
}: {
  meeting: OwnMeeting;
  organizationId: string;
  editable: boolean;
  coalitionMembers: { id: string; name: string }[];
}) {
  const [t, tCountry, format] = await Promise.all([getTranslations("Delegates"), getTranslations("Country"), getFormatter()]);
  const headingId = `meeting-${meeting.id}`;
  const full = meeting.live >= meeting.quota;
  return (
    <article className="space-y-4 rounded-lg border border-slate-200 p-4" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-xl font-semibold">
        {t("meetingTitle", { meeting: meeting.number })}
      </h2>
      <p className="text-slate-700">
        {t("meetingPlace", {
          city: meeting.city ?? "—",
          country: tCountry(meeting.hostCountry as "AR"),
          date: meeting.startsOn ? format.dateTime(new Date(`${meeting.startsOn}T12:00:00Z`), { dateStyle: "long" }) : "—",
        })}
      </p>
      <p>
        {meeting.nominationDeadline
          ? t("deadline", { date: format.dateTime(meeting.nominationDeadline, { dateStyle: "long", timeStyle: "short" }) })
          : t("noDeadline")}
      </p>
      {!meeting.open && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2">
          {t("closed")}
        </p>
      )}
      <p className="font-semibold">{t("quota", { live: meeting.live, quota: meeting.quota })}</p>
      <h3 className="text-lg font-semibold">{t("delegatesOf", { meeting: meeting.number })}</h3>
      {meeting.delegates.length === 0 ? (
        <p>{t("noDelegates")}</p>
      ) : (
        <ul className="space-y-3">
          {meeting.delegates.map((delegate) => (
            <DelegateItem key={delegate.id} delegate={delegate} organizationId={organizationId} editable={editable} coalitionMembers={coalitionMembers} />
          ))}
        </ul>
      )}
      {editable && (
        <section aria-labelledby={`nominate-${meeting.id}`} className="space-y-3">
          <h3 id={`nominate-${meeting.id}`} className="text-lg font-semibold">
            {t("nominateTitle")}
          </h3>
          {full && <p role="status">{t("quotaFull")}</p>}
          <NominateForm
            organizationId={organizationId}
            meetingId={meeting.id}
            open={!full}
            revision={meeting.delegates.map((delegate) => `${delegate.id}:${delegate.status}`).join(",")}
            coalitionMembers={coalitionMembers}
            action={nominateDelegateAction}
          />
        </section>
      )}
    </article>
  );
}

async function DelegateItem({
  delegate,
  organizationId,
  editable,
  coalitionMembers,
}: {
  delegate: OwnDelegate;
  organizationId: string;
  editable: boolean;
  coalitionMembers: { id: string; name: string }[];
}) {
  const t = await getTranslations("Delegates");
  const live = delegate.status === "nominated" || delegate.status === "confirmed";
  return (
    <li className="space-y-2 rounded-md border border-slate-200 p-3" data-delegate={delegate.email}>
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{delegate.name}</span>
        <span className="break-all text-slate-700">{delegate.email}</span>
        <DelegateStatusBadge status={delegate.status} />
      </p>
      <p className="text-slate-700">
        {[delegate.roleInOrganization, delegate.nationality].filter(Boolean).join(" · ")}
        {delegate.memberOrganizationName ? ` · ${t("onBehalfOf", { organization: delegate.memberOrganizationName })}` : ""}
      </p>
      {delegate.needsVisaLetter && <p className="text-slate-700">{t("visaLetter")}</p>}
      {delegate.accessibilityNeeds && <p className="text-slate-700">{t("accessibility", { needs: delegate.accessibilityNeeds })}</p>}
      {delegate.replacesName && <p className="text-slate-700">{t("replaces", { name: delegate.replacesName })}</p>}
      {delegate.decisionReason && (
        <p className="text-slate-700">
          {t("reasonLabel")}: {delegate.decisionReason}
        </p>
      )}
      {delegate.status === "confirmed" && <LetterLinks delegateId={delegate.id} name={delegate.name} label={t("letter", { name: delegate.name })} />}
      {editable && (
        // Rendered while the page is editable even once the delegate is withdrawn, so the outcome stays on screen.
        <div className="space-y-2">
          {live && (
            <details className="rounded-md border border-slate-200 p-2">
              <summary className="cursor-pointer font-medium text-brand-800">{t("edit", { name: delegate.name })}</summary>
              <div className="pt-3">
                <EditDelegateForm organizationId={organizationId} delegate={delegate} coalitionMembers={coalitionMembers} action={editDelegateAction} />
              </div>
            </details>
          )}
          <SubstituteDelegateForm
            organizationId={organizationId}
            delegateId={delegate.id}
            name={delegate.name}
            open={live}
            coalitionMembers={coalitionMembers}
            action={substituteDelegateAction}
          />
          <WithdrawDelegateForm organizationId={organizationId} delegateId={delegate.id} name={delegate.name} open={live} action={withdrawDelegateAction} />
        </div>
      )}
    </li>
  );
}
