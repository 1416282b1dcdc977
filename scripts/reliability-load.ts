/**
 * `npm run reliability:load`: the production server on PostgreSQL under 60 s of mixed traffic at
 * 100 connections (autocannon, the bench's rows picked by weight), with its memory sampled every
 * second. Passes with no 5xx, no errors, every acknowledged save stored, and memory that levels off.
 * Writes docs/reliability/load.json and load.md. By default the database is a throwaway cluster of
 * its own (scripts/reliability/cluster.ts); LOAD_DATABASE_URL points it at a server instead.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { commitHash, ensureBuild, machineInfo } from "./bench/build";
import { type BenchTarget, prepareBenchDatabase } from "./bench/database";
import { benchRows } from "./bench/rows";
import { type BenchServer, killTree, startServer } from "./bench/server";
import { runChecks } from "./reliability/run";
import { createCluster, type ThrowawayCluster } from "./reliability/cluster";
import { judgeMemory, type LoadReport, loadChecks, renderLoadReport } from "./reliability/load-report";
import { type MixSettings, runMixedLoad } from "./reliability/mixed-load";

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const settings: MixSettings = {
  connections: number("LOAD_CONNECTIONS", 100),
  durationSeconds: number("LOAD_DURATION", 60),
  warmupSeconds: number("LOAD_WARMUP", 10),
  weights: env.LOAD_WEIGHTS
    ? Object.fromEntries(env.LOAD_WEIGHTS.split(",").map((pair) => [pair.split("=")[0]!.trim(), Number(pair.split("=")[1])]))
    : { register: 15, search: 15, organization: 20, api: 10, health: 5, queue: 10, dashboard: 5, "save-section": 20 },
};
if (env.LOAD_RECONNECT_RATE) settings.reconnectRate = Number(env.LOAD_RECONNECT_RATE);
const scale = { organizations: number("LOAD_ORGANIZATIONS", 10_000), applications: number("LOAD_APPLICATIONS", 100_000) };
const appPort = number("LOAD_PORT", 3311);
const outputDir = path.resolve(env.RELIABILITY_OUTPUT_DIR ?? "docs/reliability");
const serverLog = path.join(os.tmpdir(), `csm-load-server-${process.pid}.log`);
const heapLog = path.join(os.tmpdir(), `csm-load-heap-${process.pid}.jsonl`);
const notesFile = path.resolve("scripts/reliability/load-notes.md");

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
    rmSync(heapLog, { force: true });
    server = await startServer(target, appPort, {
      logFile: serverLog,
      freshDataCache: true,
      nodeOptions: `--expose-gc --require ${path.resolve("scripts/reliability/heap-probe.cjs")}`,
      env: { RELIABILITY_HEAP_LOG: heapLog },
    });
    log(`server output: ${serverLog}`);
    const rows = benchRows(server.origin, sessions, "/favicon.ico", scale.organizations);
    const [{ now: started }] = (await sql`select now()`) as unknown as [{ now: Date }];
    log(`${settings.durationSeconds} s at ${settings.connections} connections (after ${settings.warmupSeconds} s of warm-up)`);
    const result = await runMixedLoad(server.origin, server.process.pid!, rows, settings, heapLog);
    await server.stop();
    server = null;

    // Every acknowledged save (warm-up included) wrote exactly one audit row; a refused one wrote none.
    const [{ audits }] = (await sql`select count(*)::int as audits from audit_log
                                   where action = 'application.save_section' and created_at >= ${started}`) as unknown as [{ audits: number }];
    const saves = (tallies: typeof result.byKind) => tallies["save-section"] ?? { ok: 0, sent: 0 };
    const writes = {
      sent: saves(result.byKind).sent + saves(result.warmupByKind).sent,
      acknowledged: saves(result.byKind).ok + saves(result.warmupByKind).ok,
      auditRows: audits,
    };
    const memory = judgeMemory(result, settings.durationSeconds);
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
      ...(existsSync(notesFile) ? { notes: readFileSync(notesFile, "utf8") } : {}),
    };
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(path.join(outputDir, "load.json"), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(path.join(outputDir, "load.md"), renderLoadReport(report));
    log(
      `${result.requests} requests, ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms; status ${JSON.stringify(result.statusCodes)}`,
    );
    log(
      `RSS by 10 s: ${memory.buckets.map((b) => b.maxMb).join(", ")} MB (max); live heap ${memory.liveHeapMb.map((h) => `${h.mb} MB at ${h.second} s`).join(", ")}`,
    );
    for (const check of report.checks) console.log(`${check.passed ? "PASS" : "FAIL"}  ${check.name}: ${check.detail}`);
    log(`wrote ${path.relative(process.cwd(), outputDir)}/load.json and load.md`);
    return report.checks.every((check) => check.passed);
  } finally {
    await sql.end();
  }
}

if (env.LOAD_REPORT_ONLY === "1") {
  // Only the write-up changed (load-report.ts, load-notes.md): render load.md again from load.json.
  const report = JSON.parse(readFileSync(path.join(outputDir, "load.json"), "utf8")) as LoadReport;
  const notes = existsSync(notesFile) ? readFileSync(notesFile, "utf8") : undefined;
  writeFileSync(path.join(outputDir, "load.md"), renderLoadReport({ ...report, ...(notes ? { notes } : {}) }));
  log("rendered load.md from load.json");
  process.exit(0);
}
await runChecks(main, cleanUp);
