import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { PIPELINE, type Transition } from "@/lib/application-status";
import type { ApplicationStatus } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { rowsOf, type Transaction } from "../client";
import { applicationHistory, applications, organizationMembers } from "../schema";
import { recordAudit } from "./audit";

export type TransitionRequest = {
  applicationId: string;
  transition: Transition;
  /** Extra columns written by the same UPDATE (recommendation, decision reason, submittedAt...). */
  set?: Partial<typeof applications.$inferInsert>;
  message?: string | null;
  /** Defaults to true: transitions are part of the applicant's timeline. */
  visibleToApplicant?: boolean;
  data?: Record<string, unknown>;
};

export type TransitionResult = { applicationId: string; organizationId: string; from: ApplicationStatus; to: ApplicationStatus; historyId: string };

/** Applicants only ever reach applications of organizations they belong to. */
export function applicationScope(actor: Actor): SQL | undefined {
  if (actor.role !== "applicant") return undefined;
  return inArray(
    applications.organizationId,
    sql`(select ${organizationMembers.organizationId} from ${organizationMembers} where ${organizationMembers.userId} = ${actor.id})`,
  );
}

/**
 * Moves an application along PRODUCT.md's pipeline inside the caller's transaction: one
 * conditional UPDATE on the expected statuses (so of two concurrent attempts exactly one
 * matches), then its history and audit rows. Throws `conflict` when the application is no
 * longer in a status the transition starts from, `not_found` when the actor cannot reach it.
 */
export async function applyTransition(tx: Transaction, actor: Actor, request: TransitionRequest): Promise<TransitionResult> {
  const rule = PIPELINE[request.transition];
  if (!rule.roles.includes(actor.role)) throw new AppError("forbidden", `${actor.role} may not ${request.transition}`);

  const scope = applicationScope(actor);
  const reachable = and(eq(applications.id, request.applicationId), scope);
  // Locks the row and reads its status before the update; a concurrent transaction that got
  // there first makes this one see the new status and match nothing.
  const locked = rowsOf<{ status: ApplicationStatus; organization_id: string }>(
    await tx.execute(
      sql`select ${applications.status} as status, ${applications.organizationId} as organization_id from ${applications}
          where ${and(reachable, inArray(applications.status, [...rule.from]))} for update`,
    ),
  );
  const previous = locked[0];
  if (!previous) {
    const [exists] = await tx.select({ id: applications.id }).from(applications).where(reachable);
    throw new AppError(exists ? "conflict" : "not_found", `${request.transition} on ${request.applicationId}`);
  }

  const updated = await tx
    .update(applications)
    .set({ ...request.set, status: rule.to, updatedAt: new Date() })
    .where(and(eq(applications.id, request.applicationId), eq(applications.status, previous.status)))
    .returning({ id: applications.id });
  if (updated.length !== 1) throw new AppError("conflict", `${request.transition} on ${request.applicationId}`);

  const [history] = await tx
    .insert(applicationHistory)
    .values({
      applicationId: request.applicationId,
      actorId: actor.id,
      kind: "transition",
      fromStatus: previous.status,
      toStatus: rule.to,
      message: request.message ?? null,
      visibleToApplicant: request.visibleToApplicant ?? true,
      data: { transition: request.transition, ...request.data },
    })
    .returning({ id: applicationHistory.id });
  await recordAudit(tx, {
    actorId: actor.id,
    action: `application.${request.transition}`,
    targetType: "application",
    targetId: request.applicationId,
    data: { from: previous.status, to: rule.to },
  });
  return { applicationId: request.applicationId, organizationId: previous.organization_id, from: previous.status, to: rule.to, historyId: history!.id };
}
