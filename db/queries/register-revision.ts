import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { registerRevisionCounter } from "../schema";

/*
 * Public knowledge (it says only that something public changed), and read by the proxy for the
 * page cache as well as by the register's data cache: no actor, and no "server-only" import.
 */

/**
 * The register's revision: a counter that database triggers raise in the same transaction as any
 * change the register shows (drizzle/0004_register_revision_triggers.sql), so it becomes visible
 * together with the change, on every instance; with the database's own id, since every database
 * counts from 0 and Next's data cache outlives the database a server was pointed at. One primary-key read.
 */
export async function registerRevision(): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ databaseId: registerRevisionCounter.databaseId, revision: registerRevisionCounter.revision })
    .from(registerRevisionCounter)
    .where(eq(registerRevisionCounter.id, 1));
  return row ? `${row.databaseId}:${row.revision}` : "0";
}
