/**
 * `npm run reliability:load`: the production server on PostgreSQL under 60 s of mixed traffic at
 * 100 connections (autocannon, the bench's rows picked by weight), with its memory sampled every
 * second. Passes with no 5xx, no errors, every acknowledged save stored, and memory that levels off.
 * Writes docs/reliability/load.json and load.md. By default the database is a throwaway cluster of
 * its own (scripts/reliability/cluster.ts); LOAD_DATABASE_URL points it at a server instead.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { commitHash, ensureBuild, machineInfo } from "./bench/build";
import { type BenchTarget, prepareBenchDatabase } from "./bench/database";
import { benchRows } from "./bench/rows";
import { type BenchServer, killTree, startServer } from "./bench/server";
import { createCluster, type ThrowawayCluster } from "./reliability/cluster";
import { judgeMemory, type LoadReport, loadChecks, renderLoadReport } from "./reliability/load-report";
import { type MixSettings, runMixedLoad } from "./reliability/mixed-load";

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const settings: MixSettings = {
  connections: number("LOAD_CONNECTIONS", 100),
  durationSeconds: number("LOAD_DURATION", 60),
  warmupSeconds: number("LOAD_WARMUP", 10),
  weights: { register: 15, search: 15, organization: 20, api: 10, health: 5, queue: 10, dashboard: 5, "save-section": 20 },
};
const scale = { organizations: number("LOAD_ORGANIZATIONS", 10_000), applications: number("LOAD_APPLICATIONS", 100_000) };
const appPort = number("LOAD_PORT", 3311);
const outputDir = path.resolve(env.RELIABILITY_OUTPUT_DIR ?? "docs/reliability");
const serverLog = path.join(os.tmpdir(), `csm-load-server-${process.pid}.log`);

const log = (line: string) => console.log(`[load] ${line}`);

let cluster: ThrowawayCluster | null = null;
let server: BenchServer | null = null;

async function cleanUp(): Promise<void> {
  if (server?.process.pid && server.process.exitCode === null) await killTree(server.process.pid, "SIGTERM");
  server = null;
  await cluster?.destroy();
  cluster = null;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

async function main(): Promise<boolean> {
  ensureBuild({ skip: env.BENCH_SKIP_BUILD === "1", reuseIfPresent: env.RELIABILITY_BUILD !== "1", log });
  let databaseUrl = env.LOAD_DATABASE_URL;
  if (!databaseUrl) {
    cluster = await createCluster(number("RELIABILITY_PG_PORT", 54329), log);
    await cluster.start();
    databaseUrl = cluster.url("csm_load");
  }
  const target: BenchTarget = { kind: "postgres", url: databaseUrl };
  log(`filling ${scale.organizations} organizations, ${scale.applications} applications`);
  const sessions = (await prepareBenchDatabase(target, scale, { applicants: 2_000, log }))!;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ version }] = (await sql`select current_setting('server_version') as version`) as unknown as [{ version: string }];
    const database = `PostgreSQL ${version}${cluster ? " (throwaway cluster)" : ""}`;
    server = await startServer(target, appPort, { logFile: serverLog });
    log(`server output: ${serverLog}`);
    const rows = benchRows(server.origin, sessions, "/favicon.ico", scale.organizations);
    const [{ now: started }] = (await sql`select now()`) as unknown as [{ now: Date }];
    log(`${settings.durationSeconds} s at ${settings.connections} connections (after ${settings.warmupSeconds} s of warm-up)`);
    const result = await runMixedLoad(server.origin, server.process.pid!, rows, settings);
    await server.stop();
    server = null;

    // Every acknowledged save (warm-up included) wrote exactly one audit row; a refused one wrote none.
    const [{ audits }] = (await sql`select count(*)::int as audits from audit_log
                                   where action = 'application.save_section' and created_at >= ${started}`) as unknown as [{ audits: number }];
    const acknowledged = (result.byKind["save-section"]?.ok ?? 0) + (result.warmupByKind["save-section"]?.ok ?? 0);
    const writes = { acknowledged, auditRows: audits };
    const memory = judgeMemory(result.rssMb, settings.durationSeconds);
    const report: LoadReport = {
      date: new Date().toISOString(),
      commit: commitHash(),
      machine: machineInfo(),
      database,
      scale,
      settings,
      result,
      writes,
      memory,
      checks: loadChecks(result, writes, memory, settings.durationSeconds),
    };
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(path.join(outputDir, "load.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(outputDir, "load.md"), renderLoadReport(report));
    log(`${result.requests} requests, ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms; status ${JSON.stringify(result.statusCodes)}`);
    log(`RSS by 10 s: ${memory.buckets.map((b) => b.maxMb).join(", ")} MB (max)`);
    for (const check of report.checks) console.log(`${check.passed ? "PASS" : "FAIL"}  ${check.name}: ${check.detail}`);
    log(`wrote ${path.relative(process.cwd(), outputDir)}/load.json and load.md`);
    return report.checks.every((check) => check.passed);
  } finally {
    await sql.end();
  }
}

let passed = false;
try {
  passed = await main();
} catch (error) {
  console.error(error);
} finally {
  await cleanUp();
}
process.exit(passed ? 0 : 1);
