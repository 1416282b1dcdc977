import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { sessions, users } from "../schema";
import { recordAudit } from "./audit";

/**
 * Deactivates an account and ends its sessions in one transaction, so it loses access on its
 * very next request. The last active admin cannot be deactivated.
 */
export async function deactivateUser(actor: Actor | null, userId: string): Promise<void> {
  assertCan(actor, "staff:manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Serializes admin removals so two admins cannot deactivate each other at once.
    await tx.execute(sql`select pg_advisory_xact_lock(774202)`);
    const [target] = await tx
      .select({ role: users.role })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
    if (!target) throw new AppError("not_found");
    if (target.role === "admin") {
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), ne(users.id, userId)));
      if (!others || others.n === 0) throw new AppError("conflict", "last active admin");
    }
    await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, { actorId: actor.id, action: "staff.deactivate", targetType: "user", targetId: userId });
  });
}
