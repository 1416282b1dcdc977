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
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values(entry);
}
