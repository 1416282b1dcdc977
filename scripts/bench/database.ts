/**
 * The benchmark's databases: a PostgreSQL database the bench owns (created when missing), or an
 * embedded PGlite directory (recreated). Both are migrated, seeded with the demo data and filled
 * by the same generator (data.ts).
 */
import { rmSync } from "node:fs";
import postgres from "postgres";
import { type BenchScale, type BenchSessions, createBenchSessions, fillBenchData } from "./data";

export type BenchTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/csm_bench";

async function ensurePostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = postgres(maintenance.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

/** Points db/client.ts at the target: it reads DATABASE_URL and PGLITE_DIR when it opens. */
export function useTarget(target: BenchTarget): void {
  if (target.kind === "postgres") {
    process.env.DATABASE_URL = target.url;
  } else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = target.dir;
  }
}

/**
 * Migrates, seeds and fills the target, then closes it (PGlite: one process per directory, and
 * the server opens it next). With `applicants`, also writes the load generator's sessions.
 */
export async function prepareBenchDatabase(
  target: BenchTarget,
  scale: BenchScale,
  options: { applicants?: number; reuse?: boolean; log?: (line: string) => void } = {},
): Promise<BenchSessions | null> {
  if (target.kind === "postgres") await ensurePostgresDatabase(target.url);
  else if (!options.reuse) rmSync(target.dir, { recursive: true, force: true });
  useTarget(target);
  const { migrateDatabase } = await import("@/db/migrate");
  const { closeDb, getDb } = await import("@/db/client");
  const { seedDatabase } = await import("@/db/seed");
  try {
    await migrateDatabase();
    const db = await getDb();
    if (options.reuse) {
      options.log?.("reusing the data already there (BENCH_REUSE_DATA=1)");
    } else {
      await seedDatabase(db);
      await fillBenchData(db, scale, options.log);
    }
    return options.applicants === undefined ? null : await createBenchSessions(db, options.applicants);
  } finally {
    await closeDb();
  }
}
