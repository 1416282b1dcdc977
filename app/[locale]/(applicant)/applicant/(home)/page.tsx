import { getFormatter, getTranslations } from "next-intl/server";
import { StartApplicationForm } from "@/components/applicant/application-forms";
import { StatusBadge } from "@/components/ui/status-badge";
import { listOwnOrganizations } from "@/db/queries/applications-own";
import { acceptPendingInvitations } from "@/db/queries/organization-invitations";
import { ownProfileChanges } from "@/db/queries/profile-changes";
import { OwnProfileChange } from "@/components/profile-changes/own-profile-change";
import { Link } from "@/components/ui/link";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { startApplicationAction } from "../actions";

export const generateMetadata = titleMetadata("Applicant");

export default async function ApplicantHomePage({ params }: PageProps<"/[locale]/applicant">) {
  await setPageLocale(params);
  const actor = await requirePageActor("application:read-own", "/applicant");
  // A colleague's invitation becomes a membership the first time the invitee arrives here.
  const joined = await acceptPendingInvitations(actor);
  const [t, tDelegates, tHome, tCategory, tCountry, format, { organizations, window }] = await Promise.all([
    getTranslations("Applicant"),
    getTranslations("Delegates"),
    getTranslations("ApplicantHome"),
    getTranslations("Category"),
    getTranslations("Country"),
    getFormatter(),
    listOwnOrganizations(actor),
  ]);
  const profileChanges = await ownProfileChanges(
    actor,
    organizations.map((org) => org.id),
  );
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("lead")}</p>
      {joined > 0 && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-800">
          {tHome("joined", { count: joined })}
        </p>
      )}
      <p className="text-slate-700">
        {window.open
          ? tHome("windowOpen", { meeting: window.open.number, closes: format.dateTime(window.open.closesAt, { dateStyle: "long" }) })
          : window.next
            ? tHome("windowNext", { meeting: window.next.number, opens: format.dateTime(window.next.opensAt, { dateStyle: "long" }) })
            : tHome("windowNone")}
      </p>
      {organizations.length === 0 && (
        <div className="space-y-3 rounded-lg border border-slate-200 p-4">
          <p>{t("noOrganization")}</p>
          <p className="text-slate-700">{tHome("createHint")}</p>
          <Link href="/applicant/organizations/new" className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {tHome("create")}
          </Link>
        </div>
      )}
      {organizations.map((org) => (
        <article key={org.id} className="space-y-3 rounded-lg border border-slate-200 p-4" aria-labelledby={`org-${org.id}`}>
          <h2 id={`org-${org.id}`} className="text-xl font-semibold">
            {org.legalName}
            {org.acronym ? ` (${org.acronym})` : ""}
          </h2>
          <p className="text-slate-700">
            {tCountry((org.country ?? "regional") as "AR")} ·{" "}
            {org.accreditation ? t("accreditation", { category: tCategory(org.accreditation.category) }) : t("notAccredited")}
          </p>
          <OwnProfileChange change={profileChanges.get(org.id)} />
          <p>
            <Link href={`/applicant/organizations/${org.id}/people`} className="text-brand-800 underline">
              {tHome("people")}
            </Link>
          </p>
          {org.accreditation?.status === "active" && (
            <p>
              <Link href={`/applicant/organizations/${org.id}/delegates`} className="text-brand-800 underline">
                {tDelegates("homeLink")}
              </Link>
            </p>
          )}
          <h3 className="font-semibold">{t("applications")}</h3>
          {org.applications.length === 0 ? (
            <p>{t("noApplications")}</p>
          ) : (
            <ul className="space-y-2">
              {org.applications.map((app) => (
                <li key={app.id} className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={app.status} />
                  <Link href={`/applicant/applications/${app.id}`} className="text-brand-800 underline">
                    {app.meetingNumber
                      ? tHome(app.isRenewal ? "renewalFor" : "applicationFor", { meeting: app.meetingNumber })
                      : app.status === "draft"
                        ? tHome(app.isRenewal ? "renewalNoWindow" : "applicationNoWindow")
                        : tHome(app.isRenewal ? "renewalForTbd" : "applicationForTbd")}
                  </Link>
                  <span className="text-sm text-slate-600">{format.dateTime(app.updatedAt, { dateStyle: "medium" })}</span>
                </li>
              ))}
            </ul>
          )}
          {org.accreditedForOpenMeeting && (
            <div className="space-y-1 rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
              <p className="font-semibold">{tHome("accreditedForMeeting", { meeting: org.accreditedForOpenMeeting })}</p>
              {org.accreditation?.status === "active" && (
                <>
                  <p>
                    <Link href={`/applicant/organizations/${org.id}/delegates`} className="font-medium text-green-950 underline">
                      {window.open?.nominationDeadline
                        ? tHome("nominateBefore", { deadline: format.dateTime(window.open.nominationDeadline, { dateStyle: "long" }) })
                        : tHome("nominate")}
                    </Link>
                  </p>
                  <p>
                    {window.next
                      ? tHome("renewWhenOpens", { meeting: window.next.number, opens: format.dateTime(window.next.opensAt, { dateStyle: "long" }) })
                      : tHome("renewLater")}
                  </p>
                </>
              )}
            </div>
          )}
          {org.canStart && <StartApplicationForm organizationId={org.id} renewal={org.accreditation?.status === "active"} action={startApplicationAction} />}
        </article>
      ))}
    </section>
  );
}
