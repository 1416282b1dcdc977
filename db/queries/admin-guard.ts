import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Transaction } from "../client";
import { users } from "../schema";

/**
 * Every change that could leave the portal without an active admin takes this lock first, so
 * two admins demoting or deactivating each other at once are serialized and the second sees
 * the first's change.
 */
export async function lockAdminChanges(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(774202)`);
}

export async function assertAnotherActiveAdmin(tx: Transaction, userId: string): Promise<void> {
  const [others] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), ne(users.id, userId)));
  if (!others || others.n === 0) throw new AppError("conflict", "last active admin");
}
