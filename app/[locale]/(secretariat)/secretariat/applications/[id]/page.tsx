import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { personLabel } from "@/lib/erased-person";
import { cache } from "react";
import { AssignForm, ButtonForm, EligibilityForm, DecisionForm, NoteForm, RecommendForm, RequestInfoForm } from "@/components/secretariat/review-forms";
import { SectionsView } from "@/components/secretariat/sections-view";
import { RenewalBadge } from "@/components/meetings/renewal-badge";
import { Panel } from "@/components/ui/panel";
import { StatusBadge } from "@/components/ui/status-badge";
import { Timeline } from "@/components/ui/timeline";
import { ConsultationPanel } from "@/components/consultation/consultation-panel";
import { getApplicationForReview, type ReviewHistoryEntry } from "@/db/queries/application-review";
import { forwardedQuestions } from "@/db/queries/consultation-questions";
import { secretariatConsultation } from "@/db/queries/consultations";
import { deferralsOf } from "@/db/queries/deferrals";
import { DeferForm } from "@/components/consultation/defer-form";
import { ELIGIBILITY_STATUSES } from "@/db/queries/eligibility";
import { listAssignableStaff } from "@/db/queries/review-queue";
import { canTransition, isOpen, PENDING_DECISION_STATUSES } from "@/lib/application-status";
import { SECTION_IDS } from "@/lib/application-sections";
import { ACCREDITATION_EVENTS, ELIGIBILITY_CRITERIA } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { Link } from "@/components/ui/link";
import { can } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import {
  addInternalNoteAction,
  assignApplicationAction,
  decideApplicationAction,
  deferApplicationAction,
  forwardQuestionAction,
  recommendApplicationAction,
  shareDocumentAction,
  requestInformationAction,
  saveEligibilityAction,
  sendApplicantMessageAction,
  startReviewAction,
} from "./actions";

type Props = PageProps<"/[locale]/secretariat/applications/[id]">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DONE = { started: "reviewStarted", infoRequested: "infoRequested", recommended: "recommended", decided: "decided", deferred: "deferred" } as const;

/** Read once per request: the metadata and the page share it. */
const load = cache(async (id: string) => {
  const actor = await requirePageActor("application:read-any", `/secretariat/applications/${id}`);
  if (!UUID.test(id)) notFound();
  try {
    return { actor, application: await getApplicationForReview(actor, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const { application } = await load(id);
  return { title: application.organization.legalName };
}

export default async function ApplicationReviewPage({ params, searchParams }: PageProps<"/[locale]/secretariat/applications/[id]">) {
  await setPageLocale(params);
  const { id } = await params;
  const { done: doneParam } = await searchParams;
  const done = typeof doneParam === "string" ? doneParam : undefined;
  const { actor, application } = await load(id);
  const [t, tOrganization, tLabels, tCategory, tCountry, tStatus, format, staff, tPerson, tConsultation, consultation, tDeferral, deferrals] =
    await Promise.all([
      getTranslations("Review"),
      getTranslations("OrganizationAccreditation"),
      getTranslations("SecretariatLabels"),
      getTranslations("Category"),
      getTranslations("Country"),
      getTranslations("Status"),
      getFormatter(),
      listAssignableStaff(actor),
      getTranslations("Person"),
      getTranslations("Consultation"),
      secretariatConsultation(actor, id),
      getTranslations("Deferral"),
      deferralsOf(actor, id),
    ]);
  const tSharing = await getTranslations("DocumentSharing");
  const mayShare = can(actor.role, "document:share") && application.status !== "draft";
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  const { organization } = application;
  const doneKey = done && done in DONE ? DONE[done as keyof typeof DONE] : null;
  const open = isOpen(application.status);
  const mayStart = canTransition(actor.role, "start_review", application.status);
  const mayRequest = canTransition(actor.role, "request_info", application.status);
  const mayRecommend = canTransition(actor.role, "recommend", application.status);
  const mayDecide = can(actor.role, "application:decide") && canTransition(actor.role, "decide_participant", application.status);
  const requestedHint = t("requestedHint", { category: tCategory(application.requestedCategory) });
  const recommendedBy = application.history.findLast(
    (entry) => entry.kind === "transition" && (entry.toStatus === "in_consultation" || (entry.toStatus === "recommended" && entry.fromStatus === "in_review")),
  );
  const decidable = (PENDING_DECISION_STATUSES as readonly string[]).includes(application.status);
  const earlyClose = consultation?.window.open
    ? {
        label: tConsultation("earlyCloseLabel"),
        hint: tConsultation("earlyCloseHint", { date: format.dateTime(consultation.window.closesAt, { dateStyle: "long", timeStyle: "short" }) }),
      }
    : undefined;
  const name = (person: { name: string | null; email: string; erased?: boolean } | null) =>
    person ? personLabel(person, tPerson("formerMember")) : t("someone");

  function describe(entry: ReviewHistoryEntry): string | null {
    if (entry.kind === "transition" && entry.toStatus) {
      return entry.fromStatus ? `${tStatus(entry.fromStatus)} → ${tStatus(entry.toStatus)}` : tStatus(entry.toStatus);
    }
    if (entry.kind === "assignment") {
      if (!entry.data?.reviewerId) return t("unassigned");
      const reviewer = staff.find((member) => member.id === entry.data?.reviewerId);
      return t("assignedToName", { name: reviewer ? (reviewer.name ?? reviewer.email) : t("someone") });
    }
    return null;
  }

  return (
    <article className="space-y-6" aria-labelledby="application-title">
      <p>
        <Link href="/secretariat/applications" className="text-brand-800 underline">
          {t("backToQueue")}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 id="application-title" className="text-2xl font-semibold">
          {organization.legalName}
          {organization.acronym ? ` (${organization.acronym})` : ""}
        </h1>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("status")}</dt>
          <dd data-testid="application-status">
            <StatusBadge status={application.status} />
          </dd>
          <dt className="font-medium">{t("requestedCategory")}</dt>
          <dd className="flex flex-wrap items-center gap-2">
            {tCategory(application.requestedCategory)}
            {application.isRenewal && <RenewalBadge />}
          </dd>
          {application.submittedAt && (
            <>
              <dt className="font-medium">{tStatus("submitted")}</dt>
              <dd>{date(application.submittedAt)}</dd>
            </>
          )}
          <dt className="font-medium">{t("assignedTo")}</dt>
          <dd data-testid="assigned-reviewer">{application.assignedReviewer ? name(application.assignedReviewer) : t("unassigned")}</dd>
        </dl>
      </header>

      {doneKey && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-800">
          {t(doneKey)}
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6" role="region" aria-label={t("applicationColumn")}>
          <Panel id="sections-title" title={t("sectionsTitle")}>
            <SectionsView sections={application.sections} />
          </Panel>

          <Panel id="documents-title" title={t("documentsTitle")}>
            {application.documents.length === 0 ? (
              <p className="text-slate-700">{t("noDocuments")}</p>
            ) : (
              <ul className="space-y-4">
                {application.documents.map((document) => {
                  const href = `/api/documents/${document.id}?disposition=inline`;
                  const label = `${tLabels(`documentKind.${document.kind}`)}: ${document.fileName}`;
                  return (
                    <li key={document.id} className="space-y-2" data-testid="document">
                      <a href={href} target="_blank" rel="noopener" className="font-medium text-brand-800 underline">
                        {t("openDocument", { name: label })}
                      </a>
                      <span className="text-sm text-slate-600"> ({format.number(Math.ceil(document.size / 1024))} KB)</span>
                      {document.sharedWithStates && (
                        <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-800" data-testid="shared-with-states">
                          {tSharing("shared")}
                        </span>
                      )}
                      {mayShare && (
                        <ButtonForm
                          action={shareDocumentAction}
                          applicationId={application.id}
                          tone="secondary"
                          label={document.sharedWithStates ? tSharing("unshare") : tSharing("share")}
                          accessibleLabel={`${document.sharedWithStates ? tSharing("unshare") : tSharing("share")}: ${label}`}
                          extra={{ documentId: document.id, shared: String(!document.sharedWithStates) }}
                        />
                      )}
                      {document.contentType === "application/pdf" ? (
                        <iframe src={href} title={t("previewOf", { name: label })} className="h-96 w-full rounded border border-slate-200" />
                      ) : document.contentType === "image/png" || document.contentType === "image/jpeg" ? (
                        // eslint-disable-next-line @next/next/no-img-element -- a private document, not an optimizable asset
                        <img src={href} alt={t("previewOf", { name: label })} className="max-h-96 rounded border border-slate-200" />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </Panel>

          <Panel id="organization-title" title={t("organizationTitle")}>
            <p>
              {tLabels(`organizationType.${organization.type}`)} · {tCountry((organization.country ?? "regional") as "AR")}
              {organization.city ? ` · ${organization.city}` : ""}
            </p>
            <h3 className="font-semibold">{t("accreditationTitle")}</h3>
            {application.accreditation ? (
              <div data-testid="accreditation">
                <p>
                  {t("accreditationSummary", {
                    category: tCategory(application.accreditation.category),
                    status: t(`accreditationStatus.${application.accreditation.status}`),
                    date: format.dateTime(application.accreditation.grantedAt, { dateStyle: "medium" }),
                  })}
                </p>
                {application.accreditation.history.length > 0 && (
                  <ul className="list-disc pl-5 text-sm">
                    {application.accreditation.history.map((event, index) => (
                      <li key={index}>
                        {date(event.createdAt)} ·{" "}
                        {tOrganization(`event.${(ACCREDITATION_EVENTS as readonly string[]).includes(event.event) ? (event.event as "granted") : "other"}`)} ·{" "}
                        {tCategory(event.category)}
                        {event.reason ? ` · ${event.reason}` : ""}
                      </li>
                    ))}
                  </ul>
                )}
                <p>
                  <Link href={`/secretariat/organizations/${organization.id}`} className="text-brand-800 underline">
                    {tOrganization("manageLink")}
                  </Link>
                </p>
              </div>
            ) : (
              <p className="text-slate-700">{t("noAccreditation")}</p>
            )}
            <h3 className="font-semibold">{t("earlierTitle")}</h3>
            {application.earlierApplications.length === 0 ? (
              <p className="text-slate-700">{t("noEarlier")}</p>
            ) : (
              <ul className="space-y-1">
                {application.earlierApplications.map((earlier) => (
                  <li key={earlier.id} className="flex flex-wrap items-center gap-2">
                    <StatusBadge status={earlier.status} />
                    <Link href={`/secretariat/applications/${earlier.id}`} className="text-brand-800 underline">
                      {earlier.submittedAt ? date(earlier.submittedAt) : earlier.id}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Panel>

          <Panel id="history-title" title={t("historyTitle")}>
            {application.history.length === 0 ? (
              <p>{t("historyEmpty")}</p>
            ) : (
              <Timeline
                testId="history"
                format={date}
                items={application.history.map((entry) => {
                  const sections = Array.isArray(entry.data?.sections)
                    ? (entry.data.sections as string[]).filter((section) => (SECTION_IDS as readonly string[]).includes(section))
                    : [];
                  return {
                    id: entry.id,
                    at: entry.createdAt,
                    meta: (
                      <>
                        {name(entry.actor)} · <span className="font-medium">{t(`kind.${entry.kind}`)}</span> ·{" "}
                        {entry.visibleToApplicant ? t("visibleToApplicant") : t("internal")}
                      </>
                    ),
                    title: describe(entry),
                    body:
                      sections.length > 0 || entry.message ? (
                        <>
                          {sections.length > 0 && (
                            <p>{t("sectionsToRevise", { sections: sections.map((section) => tLabels(`section.${section}` as "section.work")).join(", ") })}</p>
                          )}
                          {entry.message && <p>{entry.message}</p>}
                        </>
                      ) : undefined,
                  };
                })}
              />
            )}
          </Panel>
        </div>
        <div className="min-w-0 space-y-6" role="region" aria-label={t("workColumn")}>
          {(application.recommendation || application.decisionReason) && (
            <Panel id="outcome-title" title={application.decisionReason ? t("decisionTitle") : t("recommendationTitle")}>
              {application.recommendation && (
                <div data-testid="recommendation">
                  <h3 className="font-medium">{t("recommendationTitle")}</h3>
                  <p>
                    {application.recommendation.rejection
                      ? tLabels("recommendation.reject")
                      : tLabels(`recommendation.${application.recommendation.category ?? "participant"}`)}
                  </p>
                  {application.recommendation.rationale && <p className="whitespace-pre-wrap">{application.recommendation.rationale}</p>}
                  {recommendedBy && (
                    <p className="text-sm text-slate-700">{t("recommendedBy", { name: name(recommendedBy.actor), date: date(recommendedBy.createdAt) })}</p>
                  )}
                </div>
              )}
              {application.decisionReason && (
                <div data-testid="decision">
                  <h3 className="font-medium">{t("decisionTitle")}</h3>
                  <p>{tStatus(application.status)}</p>
                  <p className="whitespace-pre-wrap">{application.decisionReason}</p>
                </div>
              )}
            </Panel>
          )}

          {consultation && (
            <ConsultationPanel
              applicationId={application.id}
              consultation={consultation}
              questions={await forwardedQuestions(actor, id)}
              forward={can(actor.role, "application:request-info") ? forwardQuestionAction : undefined}
            />
          )}

          {(deferrals.length > 0 || (decidable && mayDecide)) && (
            <Panel id="deferral-title" title={tDeferral("title")}>
              <div data-testid="deferrals" className="space-y-2">
                <h3 className="font-medium">{tDeferral("earlierTitle")}</h3>
                {deferrals.length === 0 ? (
                  <p className="text-slate-700">{tDeferral("none")}</p>
                ) : (
                  <ul className="list-disc space-y-1 pl-5">
                    {deferrals.map((deferral) => (
                      <li key={deferral.at.toISOString()}>
                        {tDeferral("entry", {
                          date: format.dateTime(deferral.at, { dateStyle: "medium" }),
                          criteria: deferral.criteria.map((criterion) => tLabels(`criterion.${criterion}`)).join("; "),
                          reason: deferral.reason,
                        })}
                        {deferral.toMeeting && ` (${tDeferral("toMeeting", { meeting: deferral.toMeeting })})`}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {decidable && mayDecide && (
                <>
                  <p className="text-slate-700">{tDeferral("lead")}</p>
                  <DeferForm
                    action={deferApplicationAction}
                    applicationId={application.id}
                    criteria={ELIGIBILITY_CRITERIA.map((criterion) => ({ value: criterion, label: tLabels(`criterion.${criterion}`) }))}
                    earlyClose={earlyClose}
                  />
                </>
              )}
            </Panel>
          )}

          <Panel id="actions-title" title={t("actionsTitle")}>
            {!open && !mayDecide && <p className="text-slate-700">{t("noActions")}</p>}
            {mayStart && <ButtonForm action={startReviewAction} applicationId={application.id} label={t("startReview")} />}
            {mayRequest && (
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer font-semibold">{t("requestInfoTitle")}</summary>
                <div className="mt-3">
                  <RequestInfoForm action={requestInformationAction} applicationId={application.id} />
                </div>
              </details>
            )}
            {mayRecommend && (
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer font-semibold">{t("recommendTitle")}</summary>
                <div className="mt-3">
                  <RecommendForm action={recommendApplicationAction} applicationId={application.id} requestedHint={requestedHint} />
                </div>
              </details>
            )}
            {decidable &&
              (mayDecide ? (
                <div className="space-y-2 rounded-md border border-slate-200 p-3">
                  <DecisionForm
                    action={decideApplicationAction}
                    applicationId={application.id}
                    organization={organization.legalName}
                    requestedCategory={application.requestedCategory}
                    requestedHint={requestedHint}
                    earlyClose={
                      consultation?.window.open
                        ? {
                            label: tConsultation("earlyCloseLabel"),
                            hint: tConsultation("earlyCloseHint", {
                              date: format.dateTime(consultation.window.closesAt, { dateStyle: "long", timeStyle: "short" }),
                            }),
                          }
                        : undefined
                    }
                  />
                </div>
              ) : (
                <p className="text-slate-700">{t("decideAdminOnly")}</p>
              ))}
          </Panel>

          {open && (
            <Panel id="assign-title" title={t("assignTitle")}>
              {application.assignedReviewer?.id !== actor.id && (
                <ButtonForm
                  action={assignApplicationAction}
                  applicationId={application.id}
                  label={t("assignToMe")}
                  extra={{ reviewerId: actor.id, expectedReviewerId: application.assignedReviewer?.id ?? "" }}
                />
              )}
              <AssignForm
                action={assignApplicationAction}
                applicationId={application.id}
                current={application.assignedReviewer?.id ?? null}
                staff={staff.map((member) => ({ id: member.id, label: member.name ? `${member.name} <${member.email}>` : member.email }))}
              />
            </Panel>
          )}

          <Panel id="eligibility-title" title={t("eligibilityTitle")}>
            <EligibilityForm
              action={saveEligibilityAction}
              applicationId={application.id}
              checks={application.eligibility}
              editable={can(actor.role, "application:recommend") && ELIGIBILITY_STATUSES.includes(application.status)}
            />
          </Panel>

          <Panel id="note-title" title={t("noteTitle")}>
            <NoteForm action={addInternalNoteAction} applicationId={application.id} kind="note" />
          </Panel>
          <Panel id="message-title" title={t("messageTitle")}>
            <NoteForm action={sendApplicantMessageAction} applicationId={application.id} kind="message" />
          </Panel>
        </div>
      </div>
    </article>
  );
}
