import "server-only";
import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { OPEN_STATUSES } from "@/lib/application-status";
import { DASHBOARD_QUERIES } from "@/lib/dashboard-links";
import type { ApplicationStatus } from "@/lib/domain";
import { parseQueueFilters, QUEUE_STATUSES } from "@/lib/queue-filters";
import { getDb } from "../client";
import { applications, organizations } from "../schema";
import { applicationStatusIn } from "./application-statuses";
import { countReviewQueue } from "./review-queue";

export type QueueStatus = Exclude<ApplicationStatus, "draft">;

export type DashboardCounts = {
  /** Per status the queue shows; drafts are the applicants' own and never reach the queue. */
  byStatus: Record<QueueStatus, number>;
  open: number;
  all: number;
  toDecide: number;
  assignedToMe: number;
};

/** The dashboard's figures, each equal to the rows of its DASHBOARD_QUERIES link: two queries. */
export async function countDashboard(actor: Actor | null): Promise<DashboardCounts> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  const [rows, assignedToMe] = await Promise.all([
    db.select({ status: applications.status, total: count() }).from(applications).where(ne(applications.status, "draft")).groupBy(applications.status),
    countReviewQueue(actor, parseQueueFilters(DASHBOARD_QUERIES.assignedToMe)),
  ]);
  const byStatus = Object.fromEntries(QUEUE_STATUSES.map((status) => [status, 0])) as Record<QueueStatus, number>;
  for (const row of rows) if (row.status !== "draft") byStatus[row.status] = row.total;
  const sum = (statuses: readonly QueueStatus[]) => statuses.reduce((total, status) => total + byStatus[status], 0);
  return {
    byStatus,
    open: sum(OPEN_STATUSES),
    all: sum(QUEUE_STATUSES as QueueStatus[]),
    toDecide: byStatus.recommended,
    assignedToMe,
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
