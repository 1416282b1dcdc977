import "server-only";
import type { Executor } from "../client";
import { auditLog } from "../schema";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
};

/** Written inside the caller's transaction, so an audit row exists exactly when its change does. */
/** Returns the audit row's id, which notices about the change use as their idempotency key. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<string> {
  const [row] = await executor.insert(auditLog).values(entry).returning({ id: auditLog.id });
  return row!.id;
}
