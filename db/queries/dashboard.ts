import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { OPEN_STATUSES } from "@/lib/application-status";
import { DASHBOARD_QUERIES } from "@/lib/dashboard-links";
import type { ApplicationStatus } from "@/lib/domain";
import { parseQueueFilters, QUEUE_STATUSES, statusesOf } from "@/lib/queue-filters";
import { getDb } from "../client";
import { applicationCounts, applications, organizations } from "../schema";
import { applicationStatusIn } from "./application-statuses";

export type QueueStatus = Exclude<ApplicationStatus, "draft">;

export type DashboardCounts = {
  /** Per status the queue shows; drafts are the applicants' own and never reach the queue. */
  byStatus: Record<QueueStatus, number>;
  open: number;
  all: number;
  toDecide: number;
  assignedToMe: number;
};

/**
 * The dashboard's figures, each equal to the rows of its DASHBOARD_QUERIES link: one read of the summary
 * the writers keep (application_counts), a few rows whatever the number of applications.
 */
export async function countDashboard(actor: Actor | null): Promise<DashboardCounts> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  const rows = await db
    .select({
      status: applicationCounts.status,
      total: sql<number>`sum(${applicationCounts.total})::integer`,
      mine: sql<number>`coalesce(sum(${applicationCounts.total}) filter (where ${applicationCounts.reviewerId} = ${actor.id}), 0)::integer`,
    })
    .from(applicationCounts)
    .where(ne(applicationCounts.status, "draft"))
    .groupBy(applicationCounts.status);
  const byStatus = Object.fromEntries(QUEUE_STATUSES.map((status) => [status, 0])) as Record<QueueStatus, number>;
  const mine = { ...byStatus };
  for (const row of rows) {
    if (row.status === "draft") continue;
    byStatus[row.status] = row.total;
    mine[row.status] = row.mine;
  }
  const sum = (counts: Record<QueueStatus, number>, statuses: readonly ApplicationStatus[]) =>
    statuses.reduce((total, status) => total + (status === "draft" ? 0 : counts[status]), 0);
  return {
    byStatus,
    open: sum(byStatus, OPEN_STATUSES),
    all: sum(byStatus, QUEUE_STATUSES),
    toDecide: byStatus.recommended,
    assignedToMe: sum(mine, statusesOf(parseQueueFilters(DASHBOARD_QUERIES.assignedToMe).status)),
  };
}

export type WorkItem = {
  id: string;
  status: ApplicationStatus;
  legalName: string;
  acronym: string | null;
  submittedAt: Date | null;
  updatedAt: Date;
};

/** Waiting on the secretariat: an information request waits on the applicant instead. */
const WAITING: ApplicationStatus[] = ["submitted", "in_review", "recommended"];

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

/** Applications waiting on the secretariat, the earliest submitted first (the queue's own order). */
export async function listWaitingLongest(actor: Actor | null, limit = 5): Promise<WorkItem[]> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  return workItems(db).where(inArray(applications.status, WAITING)).orderBy(asc(applications.submittedAt), asc(applications.id)).limit(limit);
}

/** Open applications assigned to the actor, the earliest submitted first. */
export async function listMyAssignedWork(actor: Actor | null, limit = 20): Promise<WorkItem[]> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  return workItems(db)
    .where(and(eq(applications.assignedReviewerId, actor.id), applicationStatusIn(OPEN_STATUSES)))
    .orderBy(asc(applications.submittedAt), asc(applications.id))
    .limit(limit);
}
