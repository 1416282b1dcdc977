import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import {
  type ApplicationSections,
  completedSections,
  type FormSectionId,
  PROFILE_SECTION_IDS,
  type ProfileSectionId,
  requestedCategory,
  SECTION_SCHEMAS,
  type SectionId,
} from "@/lib/application-sections";
import { isDecided } from "@/lib/application-status";
import type { AccreditationCategory, AccreditationStatus, ApplicationStatus, DocumentKind } from "@/lib/domain";
import { eligibilityChecklist, type EligibilityItem, readiness, type Readiness } from "@/lib/eligibility";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { accreditations, applicationHistory, applications, documents, meetings, organizationMembers, organizations, users } from "../schema";
import { applicationWindow, type ApplicationWindow, createDraftApplication } from "./application-drafts";
import { recordAudit } from "./audit";
import { assertMember, profileSections, writeProfileSection } from "./organization-profile";
import {
  type Editable,
  editableParts,
  editablePartsOf,
  type InformationRequest,
  isUuid,
  latestInformationRequest,
  lockOwnApplication,
  memberScope,
  uploadedKinds,
} from "./own-application-access";
import { type MailContext, submissionNotice } from "./application-notices";
import { queueNotices } from "./outbox";
import { staffNotices } from "./staff-notices";
import { endConsultation } from "./consultations";
import { applyTransition } from "./transitions";

const OPEN_STATUSES: ApplicationStatus[] = ["draft", "submitted", "in_review", "info_requested", "in_consultation", "recommended", "deferred"];

export type OwnApplicationSummary = {
  id: string;
  status: ApplicationStatus;
  isRenewal: boolean;
  /** The meeting it is filed under; for a draft, the one sending it now would file it under (null: no window open). */
  meetingNumber: string | null;
  updatedAt: Date;
};

export type OwnOrganization = {
  id: string;
  legalName: string;
  acronym: string | null;
  country: string | null;
  accreditation: { category: AccreditationCategory; status: AccreditationStatus } | null;
  applications: OwnApplicationSummary[];
  /** No application is under way: a new one (a renewal when accredited) may start. */
  canStart: boolean;
  /** The open window's meeting when the organization is already accredited for it: nothing to start until the next window. */
  accreditedForOpenMeeting: string | null;
};

/** The actor's organizations, their applications and the meeting window (three queries). */
export async function listOwnOrganizations(actor: Actor | null): Promise<{ organizations: OwnOrganization[]; window: ApplicationWindow }> {
  assertCan(actor, "application:read-own");
  const db = await getDb();
  const orgs = await db
    .select({
      id: organizations.id,
      legalName: organizations.legalName,
      acronym: organizations.acronym,
      country: organizations.country,
      category: accreditations.category,
      accreditationStatus: accreditations.status,
    })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .leftJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(eq(organizationMembers.userId, actor.id))
    .orderBy(asc(organizations.legalName));
  const window = await applicationWindow(db);
  if (orgs.length === 0) return { organizations: [], window };
  const apps = await db
    .select({
      id: applications.id,
      organizationId: applications.organizationId,
      status: applications.status,
      isRenewal: applications.isRenewal,
      meetingId: applications.meetingId,
      meetingNumber: meetings.number,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .leftJoin(meetings, eq(meetings.id, applications.meetingId))
    .where(
      inArray(
        applications.organizationId,
        orgs.map((org) => org.id),
      ),
    )
    .orderBy(desc(applications.updatedAt));
  return {
    window,
    organizations: orgs.map(({ category, accreditationStatus, ...org }) => {
      const rows = apps.filter((app) => app.organizationId === org.id);
      const own = rows.map(({ organizationId: _, meetingId: __, ...app }) => ({
        ...app,
        meetingNumber: app.status === "draft" ? (window.open?.number ?? null) : app.meetingNumber,
      }));
      // The same two rules startApplication enforces, so the page never offers a button that cannot work.
      const underWay = own.some((app) => OPEN_STATUSES.includes(app.status));
      const accreditedForOpenMeeting =
        window.open && rows.some((app) => app.meetingId === window.open!.id && isDecided(app.status) && app.status !== "rejected") ? window.open.number : null;
      return {
        ...org,
        accreditation: category && accreditationStatus ? { category, status: accreditationStatus } : null,
        applications: own,
        canStart: !underWay && !accreditedForOpenMeeting,
        accreditedForOpenMeeting,
      };
    }),
  };
}

export type DocumentSummary = { id: string; kind: DocumentKind; fileName: string; contentType: string; size: number; uploadedAt: Date };

export type TimelineEntry = {
  id: string;
  at: Date;
  from: ApplicationStatus | null;
  to: ApplicationStatus | null;
  message: string | null;
  by: "organization" | "secretariat";
};

export type OwnApplication = {
  id: string;
  organizationId: string;
  organizationName: string;
  status: ApplicationStatus;
  isRenewal: boolean;
  /** The meeting it is filed under; for a draft, the open window's (a draft's stored meeting may be an earlier window's). */
  meeting: { number: string; city: string | null } | null;
  /** Drafts only: the window a submission would go into now, or when the next one opens. */
  window: ApplicationWindow | null;
  sections: ApplicationSections;
  completed: SectionId[];
  documents: DocumentSummary[];
  editable: Editable;
  informationRequest: InformationRequest | null;
  timeline: TimelineEntry[];
  decisionReason: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  readiness: Readiness;
  eligibility: EligibilityItem[];
};

/** One of the actor's own applications with everything its pages show; null for anyone else's. */
export async function getOwnApplication(actor: Actor | null, applicationId: string): Promise<OwnApplication | null> {
  assertCan(actor, "application:read-own");
  if (!isUuid(applicationId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: applications.id,
      organizationId: applications.organizationId,
      organizationName: organizations.legalName,
      status: applications.status,
      isRenewal: applications.isRenewal,
      sections: applications.sections,
      meetingNumber: meetings.number,
      meetingCity: meetings.city,
      decisionReason: applications.decisionReason,
      submittedAt: applications.submittedAt,
      decidedAt: applications.decidedAt,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(meetings, eq(meetings.id, applications.meetingId))
    .where(and(eq(applications.id, applicationId), memberScope(actor)));
  if (!row) return null;
  const [docs, history, request, window] = await Promise.all([
    db
      .select({
        id: documents.id,
        kind: documents.kind,
        fileName: documents.fileName,
        contentType: documents.contentType,
        size: documents.size,
        uploadedAt: documents.createdAt,
      })
      .from(documents)
      .where(eq(documents.applicationId, applicationId)),
    db
      .select({
        id: applicationHistory.id,
        at: applicationHistory.createdAt,
        from: applicationHistory.fromStatus,
        to: applicationHistory.toStatus,
        message: applicationHistory.message,
        actorRole: users.role,
      })
      .from(applicationHistory)
      .leftJoin(users, eq(users.id, applicationHistory.actorId))
      .where(
        and(
          eq(applicationHistory.applicationId, applicationId),
          eq(applicationHistory.visibleToApplicant, true),
          inArray(applicationHistory.kind, ["transition", "message"]),
        ),
      )
      .orderBy(asc(applicationHistory.createdAt)),
    row.status === "info_requested" ? latestInformationRequest(db, applicationId) : Promise.resolve(null),
    row.status === "draft" ? applicationWindow(db) : Promise.resolve(null),
  ]);
  const sections = row.sections as ApplicationSections;
  const kinds = docs.map((doc) => doc.kind);
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    status: row.status,
    isRenewal: row.isRenewal,
    meeting: window
      ? window.open && { number: window.open.number, city: window.open.city }
      : row.meetingNumber
        ? { number: row.meetingNumber, city: row.meetingCity }
        : null,
    window,
    sections,
    completed: completedSections(sections, kinds),
    documents: docs,
    editable: editableParts(row.status, row.isRenewal, request),
    informationRequest: request,
    timeline: history.map(({ actorRole, ...entry }) => ({ ...entry, by: actorRole === "applicant" ? "organization" : "secretariat" })),
    decisionReason: isDecided(row.status) ? row.decisionReason : null,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    readiness: readiness(sections, kinds, row.isRenewal),
    eligibility: eligibilityChecklist(sections, kinds),
  };
}

/**
 * Saves one section: validated, written to the draft (or to a section the secretariat
 * reopened) and, for profile sections, to the organization's profile, in one transaction.
 */
export async function saveApplicationSection(actor: Actor | null, applicationId: string, section: FormSectionId, input: unknown): Promise<void> {
  assertCan(actor, "application:edit-own");
  const parsed = SECTION_SCHEMAS[section].safeParse(input);
  if (!parsed.success) throw new AppError("invalid", `${section} section`);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const application = await lockOwnApplication(tx, actor, applicationId);
    const editable = await editablePartsOf(tx, application);
    if (!editable.sections.includes(section)) throw new AppError("conflict", `${section} is not editable in ${application.status}`);
    const sections: ApplicationSections = { ...application.sections, [section]: parsed.data };
    if ((PROFILE_SECTION_IDS as readonly string[]).includes(section)) {
      await writeProfileSection(tx, actor.id, application.organizationId, section as ProfileSectionId, sections);
    }
    await tx
      .update(applications)
      .set({ sections, completedSections: completedSections(sections, await uploadedKinds(tx, application.id)), updatedAt: new Date() })
      .where(eq(applications.id, application.id));
    await recordAudit(tx, { actorId: actor.id, action: "application.save_section", targetType: "application", targetId: application.id, data: { section } });
  });
}

/** Starts a new draft from the saved profile: a renewal when the organization holds an accreditation. */
export async function startApplication(actor: Actor | null, organizationId: string): Promise<string> {
  assertCan(actor, "application:edit-own");
  if (!isUuid(organizationId)) throw new AppError("not_found", `organization ${organizationId}`);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertMember(tx, actor, organizationId);
    // Serializes two members starting at once: the second sees the first one's draft.
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for("update");
    const existing = await tx
      .select({ status: applications.status, meetingId: applications.meetingId })
      .from(applications)
      .where(eq(applications.organizationId, organizationId));
    if (existing.some((app) => OPEN_STATUSES.includes(app.status))) throw new AppError("conflict", "an application is under way");
    const window = await applicationWindow(tx);
    if (window.open && existing.some((app) => app.meetingId === window.open!.id && isDecided(app.status) && app.status !== "rejected")) {
      throw new AppError("conflict", "already accredited for this meeting");
    }
    // Only an accreditation in force is renewed; a suspended or revoked organization applies anew.
    const [accreditation] = await tx.select({ status: accreditations.status }).from(accreditations).where(eq(accreditations.organizationId, organizationId));
    const id = await createDraftApplication(tx, organizationId, await profileSections(tx, organizationId), accreditation?.status === "active");
    await recordAudit(tx, { actorId: actor.id, action: "application.start", targetType: "application", targetId: id });
    return id;
  });
}

/** Thrown by submit while something required is missing; carries what. */
export class NotReadyError extends AppError {
  constructor(readonly readiness: Readiness) {
    super("invalid", "application is not complete");
    this.name = "NotReadyError";
  }
}

/** Thrown by submit outside every application window; the draft stays as it was. */
export class WindowClosedError extends AppError {
  constructor(readonly next: ApplicationWindow["next"]) {
    super("conflict", "no application window is open");
    this.name = "WindowClosedError";
  }
}

/**
 * draft → submitted, exactly once: the row is locked, completeness checked, then the
 * conditional transition, which files the application under the meeting whose window is open
 * (none open: WindowClosedError). A second submit (double click, replay) gets `conflict`. The
 * submitter and the secretariat's review team are told by e-mail.
 */
export async function submitApplication(actor: Actor | null, applicationId: string, context: MailContext): Promise<void> {
  assertCan(actor, "application:submit-own");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const application = await lockOwnApplication(tx, actor, applicationId);
    if (application.status !== "draft") throw new AppError("conflict", `submit from ${application.status}`);
    const state = readiness(application.sections, await uploadedKinds(tx, application.id), application.isRenewal);
    if (!state.ready) throw new NotReadyError(state);
    const window = await applicationWindow(tx);
    if (!window.open) throw new WindowClosedError(window.next);
    const { historyId } = await applyTransition(tx, actor, {
      applicationId,
      transition: "submit",
      set: { submittedAt: new Date(), meetingId: window.open.id, requestedCategory: requestedCategory(application.sections) },
    });
    const notice = await submissionNotice(tx, actor, applicationId, context);
    const staff = await staffNotices(tx, { kind: "submitted", applicationId, historyId }, context.origin);
    await queueNotices(tx, [{ ...notice, kind: "submission", key: `submission:${historyId}` }, ...staff]);
  });
}

/** Withdrawal, allowed before any decision; the optional reason is on the timeline. An open consultation of the member states ends with it. */
export async function withdrawApplication(actor: Actor | null, applicationId: string, reason: string | null): Promise<void> {
  assertCan(actor, "application:withdraw-own");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockOwnApplication(tx, actor, applicationId);
    await applyTransition(tx, actor, { applicationId, transition: "withdraw", message: reason });
    await endConsultation(tx, applicationId, new Date());
  });
}

/** The answer to the secretariat's request: info_requested → in_review; the application's reviewer is told by e-mail. */
export async function respondToInformationRequest(actor: Actor | null, applicationId: string, answer: string, context: MailContext): Promise<void> {
  assertCan(actor, "application:respond-own");
  const message = answer.trim();
  if (message.length === 0 || message.length > 4000) throw new AppError("invalid", "answer");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockOwnApplication(tx, actor, applicationId);
    const { historyId } = await applyTransition(tx, actor, { applicationId, transition: "respond", message });
    await queueNotices(tx, await staffNotices(tx, { kind: "answered", applicationId, historyId, answer: message }, context.origin));
  });
}
