import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, inject } from "vitest";
import { type Database, schema, setDatabase } from "@/db/client";
import { installJobs } from "@/lib/server/jobs/queue";

const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

export type TestDatabase = { db: Database; driver: "postgres" | "pglite"; close: () => Promise<void> };

/**
 * A fresh, migrated database for one test file, handed to the app through setDatabase().
 * With DATABASE_URL: a new database on that server, dropped afterwards; the app never
 * touches the database DATABASE_URL names. Without it: an in-memory PGlite, loaded from the
 * migrated snapshot of global-setup.ts when there is one.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const handle = serverUrl ? await createServerDatabase(serverUrl) : await createPgliteDatabase();
  setDatabase(handle.db, handle.driver);
  return handle;
}

async function createPgliteDatabase(): Promise<TestDatabase> {
  const { openPglite } = await import("@/db/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const snapshot = inject("pgliteSnapshot");
  const client = await openPglite(snapshot ? undefined : "memory://", snapshot ? { loadDataDir: new Blob([await readFile(snapshot)]) } : {});
  const pglite = drizzle({ client, schema });
  await migrate(pglite, { migrationsFolder });
  await installJobs(pglite as unknown as Database);
  // Anything in the app that looks for its own PGlite directory stays in memory too.
  process.env.PGLITE_DIR = "memory://";
  return { db: pglite as unknown as Database, driver: "pglite", close: () => client.close() };
}

async function createServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");

  const name = `csm_vitest_${randomBytes(6).toString("hex")}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);

  const fileUrl = new URL(serverUrl);
  fileUrl.pathname = `/${name}`;
  const client = postgres(fileUrl.toString(), { max: 10, onnotice: () => {} });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder });
  await installJobs(db);
  // App code that reads DATABASE_URL itself (db/migrate.ts, db/client.ts) reaches this file's database only.
  process.env.DATABASE_URL = fileUrl.toString();

  return {
    db,
    driver: "postgres",
    close: async () => {
      await client.end();
      process.env.DATABASE_URL = serverUrl;
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Registers beforeAll/afterAll for a per-file database and returns an accessor for it. */
export function useTestDatabase(): () => TestDatabase {
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("The test database is only available inside tests and hooks.");
    return handle;
  };
}
