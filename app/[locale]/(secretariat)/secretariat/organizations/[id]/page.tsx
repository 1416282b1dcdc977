import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { personLabel } from "@/lib/erased-person";
import { cache } from "react";
import { AccreditationStatusBadge } from "@/components/accreditations/accreditation-status-badge";
import { ReasonForm, RevokeForm } from "@/components/accreditations/lifecycle-forms";
import { StatusBadge } from "@/components/ui/status-badge";
import { getOrganizationForSecretariat } from "@/db/queries/secretariat-organizations";
import { profileChangeForSecretariat } from "@/db/queries/profile-changes";
import { ProfileChangeTable } from "@/components/profile-changes/profile-change-table";
import { ACCREDITATION_EVENTS } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import {
  changeAccreditationCategoryAction,
  reinstateAccreditationAction,
  revokeAccreditationAction,
  suspendAccreditationAction,
  approveProfileChangeAction,
  refuseProfileChangeAction,
} from "./actions";

type Props = PageProps<"/[locale]/secretariat/organizations/[id]">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DONE = ["suspended", "reinstated", "revoked", "category_changed"] as const;
const PROFILE_DONE = { profile_approved: "approved", profile_refused: "refused" } as const;

/** Read once per request: the metadata and the page share it. */
const load = cache(async (id: string) => {
  const actor = await requirePageActor("secretariat:access", `/secretariat/organizations/${id}`);
  if (!UUID.test(id)) notFound();
  try {
    const [organization, profileChange] = await Promise.all([getOrganizationForSecretariat(actor, id), profileChangeForSecretariat(actor, id)]);
    return { actor, organization, profileChange };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { organization } = await load(id);
  return { title: organization.legalName };
}

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium">{term}</dt>
      <dd className="break-words">{children}</dd>
    </>
  );
}

export default async function OrganizationAccreditationPage({ params, searchParams }: PageProps<"/[locale]/secretariat/organizations/[id]">) {
  const locale = await setPageLocale(params);
  const { id } = await params;
  const { done: doneParam } = await searchParams;
  const done = typeof doneParam === "string" ? doneParam : undefined;
  const { actor, organization, profileChange } = await load(id);
  const [tChange, t, tList, tCategory, tCountry, tLabels, tPerson, format] = await Promise.all([
    getTranslations("ProfileChange"),
    getTranslations("OrganizationAccreditation"),
    getTranslations("AccreditedOrganizations"),
    getTranslations("Category"),
    getTranslations("Country"),
    getTranslations("SecretariatLabels"),
    getTranslations("Person"),
    getFormatter(),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const { accreditation } = organization;
  const doneKey = DONE.find((key) => key === done);
  const profileDone = done && done in PROFILE_DONE ? PROFILE_DONE[done as keyof typeof PROFILE_DONE] : null;
  const mayReviewChanges = can(actor.role, "organization:review-changes");
  const mayManage = can(actor.role, "accreditation:manage");
  const otherCategory = accreditation?.category === "participant" ? "observer" : "participant";

  return (
    <article className="space-y-6" aria-labelledby="organization-title">
      <p>
        <Link href="/secretariat/organizations" className="text-brand-800 underline">
          {t("backToList")}
        </Link>
      </p>
      <h1 id="organization-title" className="text-2xl font-semibold break-words">
        {organization.legalName}
        {organization.acronym ? ` (${organization.acronym})` : ""}
      </h1>

      {doneKey && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-800">
          {t(`done.${doneKey}`)}
        </p>
      )}

      {profileDone && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-800">
          {tChange(`done.${profileDone}`)}
        </p>
      )}

      {profileChange?.status === "pending" && (
        <Panel id="profile-change-title" title={tChange("title")}>
          <p>{tChange("pendingIntro", { date: date(profileChange.createdAt) })}</p>
          <ProfileChangeTable change={profileChange} caption={tChange("title")} />
          {mayReviewChanges ? (
            <div className="grid gap-4 md:grid-cols-2">
              <section aria-labelledby="profile-approve-title" className="space-y-2 rounded-md border border-slate-200 p-3">
                <h3 id="profile-approve-title" className="font-semibold">
                  {tChange("approveButton")}
                </h3>
                <p className="text-sm text-slate-700">{tChange("approveHelp")}</p>
                <ReasonForm
                  action={approveProfileChangeAction}
                  id="profile-approve"
                  fields={{ organizationId: organization.id, changeId: profileChange.id, revision: String(profileChange.revision) }}
                  reasonRequired={false}
                  submitLabel={tChange("approveButton")}
                />
              </section>
              <section aria-labelledby="profile-refuse-title" className="space-y-2 rounded-md border border-slate-200 p-3">
                <h3 id="profile-refuse-title" className="font-semibold">
                  {tChange("refuseTitle")}
                </h3>
                <p className="text-sm text-slate-700">{tChange("refuseHelp")}</p>
                <ReasonForm
                  action={refuseProfileChangeAction}
                  id="profile-refuse"
                  fields={{ organizationId: organization.id, changeId: profileChange.id, revision: String(profileChange.revision) }}
                  reasonLabel={tChange("messageLabel")}
                  reasonRequired
                  submitLabel={tChange("refuseButton")}
                />
              </section>
            </div>
          ) : (
            <p className="text-slate-700">{tChange("reviewOnly")}</p>
          )}
        </Panel>
      )}

      <Panel id="profile-title" title={t("profileTitle")}>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <Detail term={t("type")}>{tLabels(`organizationType.${organization.type}`)}</Detail>
          <Detail term={t("country")}>{organization.country ? tCountry(organization.country as "AR") : tList("regional")}</Detail>
          {organization.city && <Detail term={t("city")}>{organization.city}</Detail>}
          {organization.website && <Detail term={t("website")}>{organization.website}</Detail>}
          {organization.contactEmail && <Detail term={t("contactEmail")}>{organization.contactEmail}</Detail>}
          <Detail term={t("publicPage")}>
            {accreditation && accreditation.status !== "revoked" ? (
              <a href={`/${locale}/register/${organization.slug}`} className="text-brand-800 underline">
                /{locale}/register/{organization.slug}
              </a>
            ) : (
              t("notListed")
            )}
          </Detail>
        </dl>
      </Panel>

      <Panel id="accreditation-title" title={t("accreditationTitle")}>
        {accreditation ? (
          <>
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="accreditation-state">
              <Detail term={t("status")}>
                <AccreditationStatusBadge status={accreditation.status} />
              </Detail>
              <Detail term={t("category")}>{tCategory(accreditation.category)}</Detail>
              <Detail term={t("grantedAt")}>{format.dateTime(accreditation.grantedAt, { dateStyle: "medium" })}</Detail>
              {accreditation.reason && <Detail term={t("reason")}>{accreditation.reason}</Detail>}
            </dl>
            <h3 className="font-semibold">{t("historyTitle")}</h3>
            {accreditation.history.length === 0 ? (
              <p>{t("historyEmpty")}</p>
            ) : (
              <ol className="space-y-2" data-testid="accreditation-history">
                {accreditation.history.map((entry) => (
                  <li key={entry.id} className="rounded-md border border-slate-200 p-3">
                    <p className="text-sm text-slate-700">
                      <time dateTime={entry.createdAt.toISOString()}>{date(entry.createdAt)}</time> ·{" "}
                      {t("by", { name: entry.actor ? personLabel(entry.actor, tPerson("formerMember")) : t("someone") })}
                    </p>
                    <p className="font-medium">
                      {t(`event.${(ACCREDITATION_EVENTS as readonly string[]).includes(entry.event) ? (entry.event as "granted") : "other"}`)} ·{" "}
                      {tCategory(entry.category)}
                    </p>
                    {entry.reason && (
                      <p className="whitespace-pre-wrap">
                        {t("reason")}: {entry.reason}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </>
        ) : (
          <p>{t("noAccreditation")}</p>
        )}
      </Panel>

      {accreditation && (
        <Panel id="manage-title" title={t("actionsTitle")}>
          {!mayManage ? (
            <p className="text-slate-700">{t("adminOnly")}</p>
          ) : accreditation.status === "revoked" ? (
            <p className="text-slate-700">{t("revokedNoActions")}</p>
          ) : (
            <div className="space-y-4">
              {accreditation.status === "active" && (
                <section aria-labelledby="suspend-title" className="space-y-2 rounded-md border border-slate-200 p-3">
                  <h3 id="suspend-title" className="font-semibold">
                    {t("suspendTitle")}
                  </h3>
                  <p className="text-sm text-slate-700">{t("suspendHelp")}</p>
                  <ReasonForm
                    action={suspendAccreditationAction}
                    id="suspend"
                    fields={{ organizationId: organization.id }}
                    reasonLabel={t("reasonPublic")}
                    reasonRequired
                    submitLabel={t("suspendButton")}
                  />
                </section>
              )}
              {accreditation.status === "suspended" && (
                <section aria-labelledby="reinstate-title" className="space-y-2 rounded-md border border-slate-200 p-3">
                  <h3 id="reinstate-title" className="font-semibold">
                    {t("reinstateTitle")}
                  </h3>
                  <p className="text-sm text-slate-700">{t("reinstateHelp")}</p>
                  <ReasonForm
                    action={reinstateAccreditationAction}
                    id="reinstate"
                    fields={{ organizationId: organization.id }}
                    reasonLabel={t("reasonOptional")}
                    reasonRequired={false}
                    submitLabel={t("reinstateButton")}
                  />
                </section>
              )}
              {accreditation.status === "active" && (
                <section aria-labelledby="category-title" className="space-y-2 rounded-md border border-slate-200 p-3">
                  <h3 id="category-title" className="font-semibold">
                    {t("categoryTitle")}
                  </h3>
                  <p className="text-sm text-slate-700">{t("categoryHelp", { from: tCategory(accreditation.category), to: tCategory(otherCategory) })}</p>
                  <ReasonForm
                    action={changeAccreditationCategoryAction}
                    id="category"
                    fields={{ organizationId: organization.id, category: otherCategory }}
                    reasonLabel={t("reasonPublic")}
                    reasonRequired
                    submitLabel={t("categoryButton", { category: tCategory(otherCategory) })}
                  />
                </section>
              )}
              <section aria-labelledby="revoke-title" className="space-y-2 rounded-md border border-red-200 p-3">
                <h3 id="revoke-title" className="font-semibold">
                  {t("revokeTitle")}
                </h3>
                <p className="text-sm text-slate-700">{t("revokeHelp")}</p>
                <RevokeForm
                  action={revokeAccreditationAction}
                  organizationId={organization.id}
                  organizationName={organization.legalName}
                  expectedStatus={accreditation.status}
                />
              </section>
            </div>
          )}
        </Panel>
      )}

      <Panel id="applications-title" title={t("applicationsTitle")}>
        {organization.applications.length === 0 ? (
          <p>{t("noApplications")}</p>
        ) : (
          <ul className="space-y-2">
            {organization.applications.map((application) => (
              <li key={application.id} className="flex flex-wrap items-center gap-2">
                <StatusBadge status={application.status} />
                <Link href={`/secretariat/applications/${application.id}`} className="text-brand-800 underline">
                  {t("requestedCategory", { category: tCategory(application.requestedCategory) })},{" "}
                  {application.submittedAt ? t("submittedOn", { date: format.dateTime(application.submittedAt, { dateStyle: "medium" }) }) : t("notSubmitted")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </article>
  );
}
