/**
 * Fills a database with data at the scale the portal must stay fast at (scripts/bench/data.ts):
 * by default 10,000 accredited organizations and 100,000 applications on PostgreSQL.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/csm_bench npm run bench:data
 *   BENCH_PGLITE_DIR=.data/bench-pglite BENCH_APPLICATIONS=20000 npm run bench:data   # embedded
 */
import { DEFAULT_POSTGRES_URL, prepareBenchDatabase } from "./bench/database";

const scale = {
  organizations: Number(process.env.BENCH_ORGANIZATIONS ?? 10_000),
  applications: Number(process.env.BENCH_APPLICATIONS ?? 100_000),
};
const pgliteDir = process.env.BENCH_PGLITE_DIR;
const target = pgliteDir
  ? ({ kind: "pglite", dir: pgliteDir } as const)
  : ({ kind: "postgres", url: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_POSTGRES_URL } as const);

await prepareBenchDatabase(target, scale, { log: console.log });
