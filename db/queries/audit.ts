import "server-only";
import { eq, sql } from "drizzle-orm";
import { logger } from "@/lib/logger";
import { afterCommit } from "../after-commit";
import type { Executor } from "../client";
import { applications, auditLog, delegates, meetings, organizations, users } from "../schema";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
};

type Names = { targetName: string | null; organizationName: string | null };
const NO_NAMES: Names = { targetName: null, organizationName: null };
const personName = sql<string>`coalesce(nullif(${users.name}, ''), ${users.email})`;
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

async function userName(executor: Executor, id: string): Promise<string | null> {
  const [row] = await executor.select({ name: personName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

async function targetNames(executor: Executor, type: string | undefined, id: string | undefined): Promise<Names> {
  if (!type || !id) return NO_NAMES;
  if (type === "user") return { targetName: await userName(executor, id), organizationName: null };
  if (!isUuid(id)) return NO_NAMES;
  switch (type) {
    case "organization": {
      const [row] = await executor.select({ name: organizations.legalName }).from(organizations).where(eq(organizations.id, id));
      return { targetName: row?.name ?? null, organizationName: row?.name ?? null };
    }
    case "application": {
      const [row] = await executor
        .select({ name: organizations.legalName })
        .from(applications)
        .innerJoin(organizations, eq(organizations.id, applications.organizationId))
        .where(eq(applications.id, id));
      return { targetName: row?.name ?? null, organizationName: row?.name ?? null };
    }
    case "delegate": {
      const [row] = await executor
        .select({ name: delegates.name, organization: organizations.legalName })
        .from(delegates)
        .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
        .where(eq(delegates.id, id));
      return { targetName: row?.name ?? null, organizationName: row?.organization ?? null };
    }
    case "meeting": {
      const [row] = await executor.select({ number: meetings.number }).from(meetings).where(eq(meetings.id, id));
      return { targetName: row?.number ?? null, organizationName: null };
    }
    default:
      return NO_NAMES;
  }
}

/** Targets that are people: their ids stay out of the log (only the acting user's id goes in). */
const PERSON_TARGETS = new Set(["user", "delegate"]);

function auditLogFields(auditId: string, entry: AuditEntry) {
  const target = entry.targetType && !PERSON_TARGETS.has(entry.targetType) ? { targetId: entry.targetId } : {};
  return { event: "audit.recorded", auditId, action: entry.action, actorId: entry.actorId, targetType: entry.targetType, ...target };
}

/**
 * Written inside the caller's transaction, so an audit row exists exactly when its change does.
 * The names of who acted and on what are copied in, so the entry still reads after a rename or erasure.
 */
/** Returns the audit row's id, which notices about the change use as their idempotency key. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<string> {
  const [actorName, names] = await Promise.all([
    entry.actorId ? userName(executor, entry.actorId) : Promise.resolve(null),
    targetNames(executor, entry.targetType, entry.targetId),
  ]);
  const [row] = await executor
    .insert(auditLog)
    .values({ ...entry, actorName, ...names })
    .returning({ id: auditLog.id });
  const auditId = row!.id;
  afterCommit(executor, () => logger().info(auditLogFields(auditId, entry), "audit.recorded"));
  return auditId;
}
