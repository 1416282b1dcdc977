import "server-only";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import type { SectionId } from "@/lib/application-sections";
import type { ApplicationStatus } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import { isOpen } from "@/lib/application-status";
import { assignSchema, applicationId as applicationIdSchema, noteSchema, type Recommendation, recommendSchema, requestInfoSchema } from "@/lib/review-schemas";
import { getDb, rowsOf, type Transaction } from "../client";
import { applicationHistory, applications, users } from "../schema";
import { recordAudit } from "./audit";
import { notifyOrganizationMembers, portalUrl } from "./notifications";
import { queueNotices } from "./outbox";
import { staffNotices } from "./staff-notices";
import { openConsultation } from "./consultations";
import { applyTransition } from "./transitions";

/** Statuses in which an application is still being worked on. */

function parse<T>(schema: { safeParse: (input: unknown) => { success: true; data: T } | { success: false } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  return parsed.data;
}

/** Locks the application for the rest of the transaction; a draft is not the secretariat's to touch. */
async function lockApplication(
  tx: Transaction,
  applicationId: string,
): Promise<{ status: ApplicationStatus; organizationId: string; assignedReviewerId: string | null }> {
  const [row] = rowsOf<{ status: ApplicationStatus; organization_id: string; assigned_reviewer_id: string | null }>(
    await tx.execute(
      sql`select ${applications.status} as status, ${applications.organizationId} as organization_id,
            ${applications.assignedReviewerId} as assigned_reviewer_id from ${applications}
          where ${and(eq(applications.id, applicationId), ne(applications.status, "draft"))} for update`,
    ),
  );
  if (!row) throw new AppError("not_found");
  return { status: row.status, organizationId: row.organization_id, assignedReviewerId: row.assigned_reviewer_id };
}

/**
 * Assigns an open application to an active reviewer or admin (oneself included); no reviewer unassigns it.
 * With `expectedReviewerId` (null: unassigned), a page showing an older assignee cannot undo a newer one.
 */
export async function assignApplication(
  actor: Actor | null,
  input: { applicationId: string; reviewerId: string | null; expectedReviewerId?: string | null },
): Promise<void> {
  assertCan(actor, "application:assign");
  const { applicationId, reviewerId, expectedReviewerId } = parse(assignSchema, {
    ...input,
    reviewerId: input.reviewerId ?? "",
    expectedReviewerId: input.expectedReviewerId === undefined ? undefined : (input.expectedReviewerId ?? ""),
  });
  const db = await getDb();
  await db.transaction(async (tx) => {
    let reviewerName: string | null = null;
    if (reviewerId) {
      const [reviewer] = await tx
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(and(eq(users.id, reviewerId), inArray(users.role, ["reviewer", "admin"]), isNull(users.deactivatedAt)));
      if (!reviewer) throw new AppError("invalid", "not an active staff member");
      reviewerName = reviewer.name || reviewer.email;
    }
    const application = await lockApplication(tx, applicationId);
    if (!isOpen(application.status)) throw new AppError("conflict", "application is closed");
    if (expectedReviewerId !== undefined && application.assignedReviewerId !== expectedReviewerId) {
      throw new AppError("conflict", "the assignment changed since the page was shown");
    }
    await tx.update(applications).set({ assignedReviewerId: reviewerId, updatedAt: new Date() }).where(eq(applications.id, applicationId));
    await tx.insert(applicationHistory).values({
      applicationId,
      actorId: actor.id,
      kind: "assignment",
      visibleToApplicant: false,
      data: { reviewerId },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.assign",
      targetType: "application",
      targetId: applicationId,
      data: { reviewerId, reviewerName },
    });
  });
}

/** submitted → in_review; an unassigned application becomes the actor's. */
export async function startReview(actor: Actor | null, input: { applicationId: string }): Promise<void> {
  assertCan(actor, "application:start-review");
  const applicationId = parse(applicationIdSchema, input.applicationId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await applyTransition(tx, actor, { applicationId, transition: "start_review" });
    const assigned = await tx
      .update(applications)
      .set({ assignedReviewerId: actor.id })
      .where(and(eq(applications.id, applicationId), isNull(applications.assignedReviewerId)))
      .returning({ id: applications.id });
    if (assigned.length > 0) {
      await tx.insert(applicationHistory).values({
        applicationId,
        actorId: actor.id,
        kind: "assignment",
        visibleToApplicant: false,
        data: { reviewerId: actor.id },
        // After the transition's row, which carries the transaction's start time.
        createdAt: sql`clock_timestamp()`,
      });
    }
  });
}

async function addHistoryEntry(
  actor: Actor,
  kind: "note" | "message",
  input: { applicationId: string; message: string },
  inTransaction?: (tx: Transaction, entry: { organizationId: string; historyId: string; message: string }) => Promise<unknown>,
) {
  const { applicationId, message } = parse(noteSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const application = await lockApplication(tx, applicationId);
    const [history] = await tx
      .insert(applicationHistory)
      .values({
        applicationId,
        actorId: actor.id,
        kind,
        message,
        visibleToApplicant: kind === "message",
      })
      .returning({ id: applicationHistory.id });
    await inTransaction?.(tx, { organizationId: application.organizationId, historyId: history!.id, message });
    return { ...application, message };
  });
}

/** An internal note: staff only, never shown to the applicant. */
export async function addInternalNote(actor: Actor | null, input: { applicationId: string; message: string }): Promise<void> {
  assertCan(actor, "application:note");
  await addHistoryEntry(actor, "note", input);
}

/** A message the applicant sees on the application's timeline and receives by e-mail. */
export async function sendApplicantMessage(actor: Actor | null, input: { applicationId: string; message: string }): Promise<void> {
  assertCan(actor, "application:note");
  await addHistoryEntry(actor, "message", input, (tx, { organizationId, historyId, message }) =>
    notifyOrganizationMembers(tx, organizationId, { kind: "message", event: historyId }, (locale) => {
      const t = translator(locale, "SecretariatEmail.message");
      return { subject: t("subject"), text: `${t("body")}\n\n${message}\n\n${portalUrl(`/${locale}/applicant`)}` };
    }),
  );
}

/** in_review → info_requested, naming the sections to revise; the applicant's members are e-mailed in their language. */
export async function requestInformation(actor: Actor | null, input: { applicationId: string; message: string; sections: SectionId[] }): Promise<void> {
  assertCan(actor, "application:request-info");
  const { applicationId, message, sections } = parse(requestInfoSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const result = await applyTransition(tx, actor, { applicationId, transition: "request_info", message, data: { sections } });
    await notifyOrganizationMembers(tx, result.organizationId, { kind: "info-request", event: result.historyId }, (locale) => {
      const t = translator(locale, "SecretariatEmail.infoRequested");
      const labels = translator(locale, "SecretariatLabels.section");
      const list = sections.map((section) => `- ${labels(section)}`).join("\n");
      return {
        subject: t("subject"),
        text: `${t("body")}\n\n${t("sections")}\n${list}\n\n${message}\n\n${t("action")}\n${portalUrl(`/${locale}/applicant`)}`,
      };
    });
  });
}

/**
 * in_review → in_consultation, with the recommendation and its rationale: the member states' consultation
 * opens (their focal points are e-mailed) and the administrators are told, all in one transaction.
 */
export async function recommendApplication(
  actor: Actor | null,
  input: { applicationId: string; recommendation: Recommendation; rationale: string },
): Promise<void> {
  assertCan(actor, "application:recommend");
  const { applicationId, recommendation, rationale } = parse(recommendSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { historyId } = await applyTransition(tx, actor, {
      applicationId,
      transition: "recommend",
      set: {
        recommendation: recommendation === "reject" ? null : recommendation,
        recommendsRejection: recommendation === "reject",
        recommendationRationale: rationale,
      },
      data: { recommendation },
    });
    await openConsultation(tx, applicationId);
    const by = { id: actor.id, name: actor.name || actor.email };
    await queueNotices(tx, await staffNotices(tx, { kind: "recommended", applicationId, historyId, recommendation, by }, publicOrigin()));
  });
}
