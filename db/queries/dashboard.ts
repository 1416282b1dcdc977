import "server-only";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/domain";
import { getDb } from "../client";
import { applications, organizations } from "../schema";

export async function countApplicationsByStatus(actor: Actor | null): Promise<Record<ApplicationStatus, number>> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  const rows = await db
    .select({ status: applications.status, total: count() })
    .from(applications)
    .groupBy(applications.status);
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
  for (const row of rows) counts[row.status] = row.total;
  return counts;
}

export type WorkItem = {
  id: string;
  status: ApplicationStatus;
  legalName: string;
  acronym: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
};

const WAITING: ApplicationStatus[] = ["submitted", "in_review", "recommended"];
const OPEN: ApplicationStatus[] = ["submitted", "in_review", "info_requested", "recommended"];

function workItems(db: Awaited<ReturnType<typeof getDb>>) {
  return db
    .select({
      id: applications.id,
      status: applications.status,
      legalName: organizations.legalName,
      acronym: organizations.acronym,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId));
}

/** Applications waiting on the secretariat, the longest-waiting first (since their last change). */
export async function listWaitingLongest(actor: Actor | null, limit = 5): Promise<WorkItem[]> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  return workItems(db)
    .where(inArray(applications.status, WAITING))
    .orderBy(asc(applications.updatedAt), asc(applications.id))
    .limit(limit);
}

/** Open applications assigned to the actor, oldest change first. */
export async function listMyAssignedWork(actor: Actor | null, limit = 20): Promise<WorkItem[]> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  return workItems(db)
    .where(and(eq(applications.assignedReviewerId, actor.id), inArray(applications.status, OPEN)))
    .orderBy(asc(applications.updatedAt), asc(applications.id))
    .limit(limit);
}
