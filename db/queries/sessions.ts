import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { sessions, users } from "../schema";

/**
 * Whether the token names a session Auth.js would accept (not expired, user not deactivated).
 * Throws when the database cannot be reached, which is the point: see getActor.
 */
export async function isLiveSession(sessionToken: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sessionToken), gt(sessions.expires, new Date()), isNull(users.deactivatedAt)));
  return Boolean(row);
}
