import path from "node:path";
import { env } from "@/lib/env";
import { installJobs } from "@/lib/server/jobs/queue";
import { getDatabase } from "./client";

const migrationsFolder = path.join(process.cwd(), "drizzle");
const MIGRATION_LOCK = 774_201;

/** Applies pending migrations; on a server, under an advisory lock so that instances starting together take turns. */
export async function migrateDatabase(): Promise<void> {
  const url = env().DATABASE_URL;
  if (!url) {
    const { db } = await getDatabase();
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(db as never, { migrationsFolder });
    await installJobs(db);
    return;
  }
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // One connection, so the session lock is held by the connection that migrates.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder });
    await installJobs(db as never);
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end();
  }
}
