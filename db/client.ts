import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import * as schema from "./schema";
import { env } from "@/lib/env";
import { withCommitEffects } from "./after-commit";
import { isProcessAlive } from "@/lib/process-alive";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

type Handle = { db: Database; driver: "postgres" | "pglite"; close: () => Promise<void> };

const globalForDb = globalThis as unknown as { csmDb?: Promise<Handle> };

export function pgliteDir(): string {
  return env().PGLITE_DIR;
}

/**
 * PGlite itself does not stop a second process from opening the same directory (writes
 * would be lost), so a pid file does: a live owner makes the second process fail loudly.
 */
async function lockDirectory(dir: string): Promise<() => void> {
  const fs = await import("node:fs");
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = `${dir.replace(/\/+$/, "")}.lock`;
  const owner = Number.parseInt(fs.existsSync(lockFile) ? fs.readFileSync(lockFile, "utf8") : "", 10);
  if (owner && owner !== process.pid && isProcessAlive(owner)) {
    throw new Error(`The embedded database ${dir} is in use by process ${owner}. Stop it first, or set DATABASE_URL to use a PostgreSQL server.`);
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    if (fs.existsSync(lockFile) && fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.rmSync(lockFile);
  };
  process.once("exit", release);
  return release;
}

/**
 * The PostgreSQL pool's settings (also used by the reliability scripts' driver check). postgres.js
 * waits before each new connection after failed ones, by default growing to 10–20 s (per pool):
 * during a database restart queries waited that long and the app came back up to 20 s after the
 * database. Capped at half a second, a query fails within a second and the app is back at once.
 * postgres.js itself is patched at install (scripts/patch-postgres-js.mjs).
 */
export function postgresClientOptions() {
  return {
    max: env().DATABASE_POOL_SIZE,
    onnotice: () => {},
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 0.5),
  };
}

async function open(): Promise<Handle> {
  const url = env().DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, postgresClientOptions());
    return { db: withCommitEffects(drizzle({ client, schema })), driver: "postgres", close: () => client.end() };
  }
  // PGlite has no lock on its directory: exactly one process may open it (see README).
  const { openPglite } = await import("./pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = pgliteDir();
  const release = dir.startsWith("memory://") ? () => {} : await lockDirectory(dir);
  const client = await openPglite(dir);
  const db = withCommitEffects(drizzle({ client, schema }) as unknown as Database);
  return {
    db,
    driver: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** The process-wide database handle, opened on first use and cached across hot reloads. */
export function getDatabase(): Promise<Handle> {
  globalForDb.csmDb ??= open();
  return globalForDb.csmDb;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.csmDb;
  globalForDb.csmDb = undefined;
  if (handle) await (await handle).close();
}

/** For tests: use a handle opened elsewhere (e.g. an in-memory PGlite). */
export function setDatabase(db: Database, driver: Handle["driver"] = "pglite"): void {
  globalForDb.csmDb = Promise.resolve({ db: withCommitEffects(db), driver, close: async () => {} });
}

export { schema };

/** `db.execute` returns an array on postgres.js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
