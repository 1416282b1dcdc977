import "server-only";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Actor, assertCan } from "@/lib/actor";
import type { ApplicationSections } from "@/lib/application-sections";
import type { AccreditationCategory, AccreditationStatus, ApplicationStatus, DocumentKind, EligibilityCriterion, OrganizationType } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { accreditationHistory, accreditations, applicationHistory, applications, documents, eligibilityChecks, organizations, users } from "../schema";

export type ReviewHistoryEntry = {
  id: string;
  kind: "transition" | "message" | "note" | "assignment";
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus | null;
  message: string | null;
  visibleToApplicant: boolean;
  data: Record<string, unknown> | null;
  actor: { name: string | null; email: string } | null;
  createdAt: Date;
};

export type ApplicationForReview = {
  id: string;
  status: ApplicationStatus;
  requestedCategory: AccreditationCategory;
  isRenewal: boolean;
  sections: ApplicationSections;
  submittedAt: Date | null;
  decidedAt: Date | null;
  updatedAt: Date;
  recommendation: { category: AccreditationCategory | null; rejection: boolean; rationale: string | null } | null;
  decisionReason: string | null;
  assignedReviewer: { id: string; name: string | null; email: string } | null;
  organization: {
    id: string;
    legalName: string;
    acronym: string | null;
    type: OrganizationType;
    country: string | null;
    city: string | null;
    website: string | null;
    contactEmail: string | null;
  };
  documents: { id: string; kind: DocumentKind; fileName: string; contentType: string; size: number; createdAt: Date; sharedWithStates: boolean }[];
  earlierApplications: { id: string; status: ApplicationStatus; submittedAt: Date | null; decidedAt: Date | null }[];
  accreditation: {
    category: AccreditationCategory;
    status: AccreditationStatus;
    grantedAt: Date;
    history: { event: string; category: AccreditationCategory; reason: string | null; createdAt: Date }[];
  } | null;
  history: ReviewHistoryEntry[];
  eligibility: { criterion: EligibilityCriterion; met: boolean; note: string | null; checkedAt: Date }[];
};

const reviewers = alias(users, "reviewers");

/**
 * Everything the secretariat sees of one application: sections, documents, the organization's
 * other applications and accreditation, the full history (internal notes included) and the
 * eligibility checklist. Drafts are the applicant's own and are not shown.
 */
export async function getApplicationForReview(actor: Actor | null, applicationId: string): Promise<ApplicationForReview> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  const [row] = await db
    .select({
      application: {
        id: applications.id,
        status: applications.status,
        requestedCategory: applications.requestedCategory,
        isRenewal: applications.isRenewal,
        sections: applications.sections,
        submittedAt: applications.submittedAt,
        decidedAt: applications.decidedAt,
        updatedAt: applications.updatedAt,
        recommendation: applications.recommendation,
        recommendsRejection: applications.recommendsRejection,
        recommendationRationale: applications.recommendationRationale,
        decisionReason: applications.decisionReason,
      },
      organization: {
        id: organizations.id,
        legalName: organizations.legalName,
        acronym: organizations.acronym,
        type: organizations.type,
        country: organizations.country,
        city: organizations.city,
        website: organizations.website,
        contactEmail: organizations.contactEmail,
      },
      reviewerId: reviewers.id,
      reviewerName: reviewers.name,
      reviewerEmail: reviewers.email,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(reviewers, eq(reviewers.id, applications.assignedReviewerId))
    .where(and(eq(applications.id, applicationId), ne(applications.status, "draft")));
  if (!row) throw new AppError("not_found");
  const organizationId = row.organization.id;

  const [docs, earlier, accreditationRows, history, eligibility] = await Promise.all([
    db
      .select({
        id: documents.id,
        kind: documents.kind,
        fileName: documents.fileName,
        contentType: documents.contentType,
        size: documents.size,
        sharedWithStates: documents.sharedWithStates,
        createdAt: documents.createdAt,
      })
      .from(documents)
      .where(eq(documents.applicationId, applicationId))
      .orderBy(asc(documents.kind)),
    db
      .select({
        id: applications.id,
        status: applications.status,
        submittedAt: applications.submittedAt,
        decidedAt: applications.decidedAt,
      })
      .from(applications)
      .where(and(eq(applications.organizationId, organizationId), ne(applications.id, applicationId), ne(applications.status, "draft")))
      .orderBy(desc(applications.createdAt)),
    db
      .select({
        category: accreditations.category,
        status: accreditations.status,
        grantedAt: accreditations.grantedAt,
        event: accreditationHistory.event,
        eventCategory: accreditationHistory.category,
        reason: accreditationHistory.reason,
        eventAt: accreditationHistory.createdAt,
      })
      .from(accreditations)
      .leftJoin(accreditationHistory, eq(accreditationHistory.accreditationId, accreditations.id))
      .where(eq(accreditations.organizationId, organizationId))
      .orderBy(asc(accreditationHistory.createdAt)),
    db
      .select({
        id: applicationHistory.id,
        kind: applicationHistory.kind,
        fromStatus: applicationHistory.fromStatus,
        toStatus: applicationHistory.toStatus,
        message: applicationHistory.message,
        visibleToApplicant: applicationHistory.visibleToApplicant,
        data: applicationHistory.data,
        createdAt: applicationHistory.createdAt,
        actorName: users.name,
        actorEmail: users.email,
        actorErasedAt: users.erasedAt,
      })
      .from(applicationHistory)
      .leftJoin(users, eq(users.id, applicationHistory.actorId))
      .where(eq(applicationHistory.applicationId, applicationId))
      .orderBy(asc(applicationHistory.createdAt), asc(applicationHistory.id)),
    db
      .select({
        criterion: eligibilityChecks.criterion,
        met: eligibilityChecks.met,
        note: eligibilityChecks.note,
        checkedAt: eligibilityChecks.checkedAt,
      })
      .from(eligibilityChecks)
      .where(eq(eligibilityChecks.applicationId, applicationId)),
  ]);

  const { application } = row;
  const [firstAccreditation] = accreditationRows;
  return {
    id: application.id,
    status: application.status,
    requestedCategory: application.requestedCategory,
    isRenewal: application.isRenewal,
    sections: (application.sections ?? {}) as ApplicationSections,
    submittedAt: application.submittedAt,
    decidedAt: application.decidedAt,
    updatedAt: application.updatedAt,
    recommendation:
      application.recommendation || application.recommendsRejection
        ? {
            category: application.recommendsRejection ? null : application.recommendation,
            rejection: application.recommendsRejection,
            rationale: application.recommendationRationale,
          }
        : null,
    decisionReason: application.decisionReason,
    assignedReviewer: row.reviewerId ? { id: row.reviewerId, name: row.reviewerName, email: row.reviewerEmail! } : null,
    organization: row.organization,
    documents: docs,
    earlierApplications: earlier,
    accreditation: firstAccreditation
      ? {
          category: firstAccreditation.category,
          status: firstAccreditation.status,
          grantedAt: firstAccreditation.grantedAt,
          history: accreditationRows
            .filter((entry) => entry.event && entry.eventCategory && entry.eventAt)
            .map((entry) => ({ event: entry.event!, category: entry.eventCategory!, reason: entry.reason, createdAt: entry.eventAt! })),
        }
      : null,
    history: history.map(({ actorName, actorEmail, actorErasedAt, ...entry }) => ({
      ...entry,
      actor: actorEmail ? { name: actorName, email: actorEmail, erased: actorErasedAt !== null } : null,
    })),
    eligibility,
  };
}
