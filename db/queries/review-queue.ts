import "server-only";
import { and, arrayContains, asc, count, desc, eq, inArray, isNull, like, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Actor, assertCan } from "@/lib/actor";
import type { AccreditationCategory, ApplicationStatus, OrganizationType } from "@/lib/domain";
import { QUEUE_PAGE_SIZE, type QueueFilters, statusesOf } from "@/lib/queue-filters";
import { searchKey } from "@/lib/search-key";
import { getDb } from "../client";
import { applicationStatusIn } from "./application-statuses";
import { applications, organizations, users } from "../schema";

export type QueueRow = {
  id: string;
  status: ApplicationStatus;
  requestedCategory: AccreditationCategory;
  isRenewal: boolean;
  submittedAt: Date | null;
  updatedAt: Date;
  organization: { legalName: string; acronym: string | null; country: string | null; type: OrganizationType };
  reviewer: { id: string; name: string | null; email: string } | null;
};

export type QueuePage = { rows: QueueRow[]; total: number; page: number; pageSize: number; pageCount: number };

const reviewers = alias(users, "reviewers");

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function conditions(actor: Actor, filters: QueueFilters): SQL | undefined {
  const key = filters.q ? searchKey(filters.q) : "";
  return and(
    applicationStatusIn(statusesOf(filters.status)),
    filters.country ? eq(organizations.country, filters.country) : undefined,
    filters.type ? eq(organizations.type, filters.type) : undefined,
    filters.theme ? arrayContains(organizations.themes, [filters.theme]) : undefined,
    filters.category ? eq(applications.requestedCategory, filters.category) : undefined,
    filters.kind ? eq(applications.isRenewal, filters.kind === "renewal") : undefined,
    filters.reviewer === "none"
      ? isNull(applications.assignedReviewerId)
      : filters.reviewer
        ? eq(applications.assignedReviewerId, filters.reviewer === "me" ? actor.id : filters.reviewer)
        : undefined,
    key ? like(organizations.searchKey, `%${escapeLike(key)}%`) : undefined,
  );
}

function ordering(filters: QueueFilters): SQL[] {
  const direction = filters.dir === "desc" ? desc : asc;
  const column = filters.sort === "name" ? organizations.legalName : filters.sort === "updated" ? applications.updatedAt : applications.submittedAt;
  return [direction(column), asc(applications.id)];
}

function selectRows(db: Awaited<ReturnType<typeof getDb>>) {
  return db
    .select({
      id: applications.id,
      status: applications.status,
      requestedCategory: applications.requestedCategory,
      isRenewal: applications.isRenewal,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
      legalName: organizations.legalName,
      acronym: organizations.acronym,
      country: organizations.country,
      type: organizations.type,
      reviewerId: reviewers.id,
      reviewerName: reviewers.name,
      reviewerEmail: reviewers.email,
    })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .leftJoin(reviewers, eq(reviewers.id, applications.assignedReviewerId));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectRows>["execute"]>>[number];

function toQueueRow(row: RawRow): QueueRow {
  return {
    id: row.id,
    status: row.status,
    requestedCategory: row.requestedCategory,
    isRenewal: row.isRenewal,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    organization: { legalName: row.legalName, acronym: row.acronym, country: row.country, type: row.type },
    reviewer: row.reviewerId ? { id: row.reviewerId, name: row.reviewerName, email: row.reviewerEmail! } : null,
  };
}

function countRows(db: Awaited<ReturnType<typeof getDb>>, filters: QueueFilters, where: SQL | undefined) {
  const counted = db.select({ total: count() }).from(applications);
  // Every application has its organization (a required foreign key): join only to filter on it.
  const byOrganization = filters.q || filters.country || filters.type || filters.theme;
  return byOrganization ? counted.innerJoin(organizations, eq(organizations.id, applications.organizationId)).where(where) : counted.where(where);
}

/** How many applications the queue lists for these filters, counted exactly as the queue counts them. */
export async function countReviewQueue(actor: Actor | null, filters: QueueFilters): Promise<number> {
  assertCan(actor, "application:read-any");
  const [counted] = await countRows(await getDb(), filters, conditions(actor, filters));
  return counted?.total ?? 0;
}

/** One page of the review queue and the total for the filters: two queries, whatever the page size. */
export async function listReviewQueue(actor: Actor | null, filters: QueueFilters): Promise<QueuePage> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  const where = conditions(actor, filters);
  const [[counted], rows] = await Promise.all([
    countRows(db, filters, where),
    selectRows(db)
      .where(where)
      .orderBy(...ordering(filters))
      .limit(QUEUE_PAGE_SIZE)
      .offset((filters.page - 1) * QUEUE_PAGE_SIZE),
  ]);
  const total = counted?.total ?? 0;
  return {
    rows: rows.map(toQueueRow),
    total,
    page: filters.page,
    pageSize: QUEUE_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
}

/** Every application matching the filters (no paging), for the CSV export; capped to keep one export bounded. */
export const EXPORT_LIMIT = 50_000;
export async function exportReviewQueue(actor: Actor | null, filters: QueueFilters): Promise<QueueRow[]> {
  assertCan(actor, "export:read");
  assertCan(actor, "application:read-any");
  const db = await getDb();
  const rows = await selectRows(db)
    .where(conditions(actor, filters))
    .orderBy(...ordering(filters))
    .limit(EXPORT_LIMIT);
  return rows.map(toQueueRow);
}

export type StaffOption = { id: string; name: string | null; email: string };

/** Active reviewers and admins: who an application can be assigned to. */
export async function listAssignableStaff(actor: Actor | null): Promise<StaffOption[]> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.role, ["reviewer", "admin"]), isNull(users.deactivatedAt)))
    .orderBy(asc(users.email));
}
