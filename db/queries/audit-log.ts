import "server-only";
import { and, count, desc, eq, gte, ilike, inArray, like, lt, notInArray, or, type SQL, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { AUDIT_PAGE_SIZE, type AuditFilters, type AuditKind } from "@/lib/audit-filters";
import { getDb } from "../client";
import { auditLog, users } from "../schema";

export type AuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  actor: { email: string | null; name: string | null; erased: boolean } | null;
  /** The actor's name (or e-mail) when the entry was written; null once they erased their account. */
  actorName: string | null;
  targetType: string | null;
  targetName: string | null;
  organizationName: string | null;
  targetId: string | null;
  data: Record<string, unknown> | null;
};

const DECISIONS = ["application.decide_participant", "application.decide_observer", "application.decide_reject"];

function kindCondition(kind: AuditKind | undefined): SQL | undefined {
  switch (kind) {
    case "transitions":
      return and(like(auditLog.action, "application.%"), notInArray(auditLog.action, ["application.assign", "application.eligibility"]));
    case "decisions":
      return inArray(auditLog.action, DECISIONS);
    case "assignments":
      return eq(auditLog.action, "application.assign");
    case "eligibility":
      return eq(auditLog.action, "application.eligibility");
    case "staff":
      return and(like(auditLog.action, "staff.%"), notInArray(auditLog.action, ["staff.sign_in"]));
    case "sign_ins":
      return eq(auditLog.action, "staff.sign_in");
    case "accreditations":
      return like(auditLog.action, "accreditation.%");
    case "meetings":
      return like(auditLog.action, "meeting.%");
    case "delegates":
      return like(auditLog.action, "delegate.%");
    default:
      return undefined;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

const contains = (text: string) => `%${escapeLike(text)}%`;

function conditions(filters: AuditFilters): SQL | undefined {
  const dayAfter = (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() + 24 * 60 * 60 * 1000);
  return and(
    kindCondition(filters.kind),
    filters.actor ? or(ilike(users.email, contains(filters.actor)), ilike(auditLog.actorName, contains(filters.actor))) : undefined,
    filters.person
      ? or(
          ilike(users.email, contains(filters.person)),
          ilike(auditLog.actorName, contains(filters.person)),
          ilike(auditLog.targetName, contains(filters.person)),
        )
      : undefined,
    filters.organization ? ilike(auditLog.organizationName, contains(filters.organization)) : undefined,
    filters.from ? gte(auditLog.createdAt, new Date(`${filters.from}T00:00:00Z`)) : undefined,
    filters.to ? lt(auditLog.createdAt, dayAfter(filters.to)) : undefined,
  );
}

function baseQuery(db: Awaited<ReturnType<typeof getDb>>) {
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      actorEmail: users.email,
      actorName: sql<string | null>`coalesce(${auditLog.actorName}, ${users.name})`,
      actorErasedAt: users.erasedAt,
      targetType: auditLog.targetType,
      targetName: auditLog.targetName,
      organizationName: auditLog.organizationName,
      targetId: auditLog.targetId,
      data: auditLog.data,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>[number];
const toRow = ({ actorEmail, actorName, actorErasedAt, ...row }: RawRow): AuditRow => ({
  ...row,
  actor: actorErasedAt ? { email: null, name: null, erased: true } : actorEmail || actorName ? { email: actorEmail, name: actorName, erased: false } : null,
  actorName: actorErasedAt ? null : (actorName ?? actorEmail),
});

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageCount: number };

/** The audit log, newest first, one page and the total for the filters. */
export async function listAuditLog(actor: Actor | null, filters: AuditFilters): Promise<AuditPage> {
  assertCan(actor, "audit:read");
  const db = await getDb();
  const where = conditions(filters);
  const [[counted], rows] = await Promise.all([
    db.select({ total: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where),
    baseQuery(db)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
  ]);
  const total = counted?.total ?? 0;
  return { rows: rows.map(toRow), total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export const AUDIT_EXPORT_LIMIT = 100_000;

/** Every entry matching the filters, newest first, for the CSV export. */
export async function exportAuditLog(actor: Actor | null, filters: AuditFilters): Promise<AuditRow[]> {
  assertCan(actor, "audit:read");
  assertCan(actor, "export:read");
  const db = await getDb();
  const rows = await baseQuery(db).where(conditions(filters)).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(AUDIT_EXPORT_LIMIT);
  return rows.map(toRow);
}
