/**
 * `npm run bench`: builds the app, fills a PostgreSQL database (and an embedded one) with the
 * bench data, starts the production server on each, drives it with autocannon from this process,
 * runs Lighthouse, and writes docs/benchmarks.json and docs/BENCHMARKS.md. Settings: docs/BENCHMARKS.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { commitHash, ensureBuild, machineInfo } from "./bench/build";
import { type BenchTarget, DEFAULT_POSTGRES_URL, prepareBenchDatabase } from "./bench/database";
import { LIGHTHOUSE_TARGETS, type LighthouseResult, runLighthouse } from "./bench/lighthouse";
import { type LoadSettings, type RowResult, runRow } from "./bench/load";
import { measurePageViews, type PageView, type PageViewResult } from "./bench/page-views";
import { type BenchReport, type BenchRun, renderReport } from "./bench/report";
import { benchRows } from "./bench/rows";
import { startServer, treeRss } from "./bench/server";

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const settings: LoadSettings = {
  connections: number("BENCH_CONNECTIONS", 50),
  durationSeconds: number("BENCH_DURATION", 15),
  warmupSeconds: number("BENCH_WARMUP", 3),
};
const runs = (env.BENCH_RUNS ?? "postgres,pglite").split(",").map((run) => run.trim());
const port = number("BENCH_PORT", 3240);
const outputDir = path.resolve(env.BENCH_OUTPUT_DIR ?? "docs");
const postgresUrl = env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
const STATIC_PATH = "/favicon.ico";
const LIGHTHOUSE_PAGES = [
  { page: "home", path: "/es" },
  { page: "register", path: "/es/register" },
  { page: "organization page", path: "/es/register/bench-1" },
];

const PAGE_VIEWS = (sessions: { reviewer: string }): PageView[] => [
  { id: "register", label: "register, first page (anonymous)", path: "/es/register" },
  { id: "organization", label: "organization page (anonymous)", path: "/es/register/bench-1" },
  {
    id: "queue",
    label: "secretariat queue, status and country filter (reviewer)",
    path: "/es/secretariat/applications?status=submitted&country=AR",
    session: sessions.reviewer,
  },
  { id: "dashboard", label: "secretariat dashboard (reviewer)", path: "/es/secretariat", session: sessions.reviewer },
];

const log = (line: string) => console.log(`[bench] ${line}`);

async function postgresVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return row!.server_version;
  } finally {
    await sql.end();
  }
}

async function benchOne(kind: "postgres" | "pglite"): Promise<BenchRun> {
  const target: BenchTarget = kind === "postgres" ? { kind, url: postgresUrl } : { kind, dir: path.resolve(env.BENCH_PGLITE_DIR ?? ".data/bench-pglite") };
  const scale =
    kind === "postgres"
      ? { organizations: number("BENCH_ORGANIZATIONS", 10_000), applications: number("BENCH_APPLICATIONS", 100_000) }
      : { organizations: number("BENCH_PGLITE_ORGANIZATIONS", 2_000), applications: number("BENCH_PGLITE_APPLICATIONS", 20_000) };
  log(`${kind}: filling ${scale.organizations} organizations, ${scale.applications} applications`);
  const started = Date.now();
  const sessions = await prepareBenchDatabase(target, scale, {
    applicants: 2_000,
    reuse: kind === "postgres" && env.BENCH_REUSE_DATA === "1",
    log: (line) => log(`${kind}: ${line}`),
  });
  const fillSeconds = Math.round((Date.now() - started) / 100) / 10;

  const server = await startServer(target, port);
  const pid = server.process.pid!;
  try {
    const idleRssMb = Math.round(treeRss(pid) / 1024 / 1024);
    let lighthouse: LighthouseResult[] = [];
    if (kind === "postgres" && env.BENCH_LIGHTHOUSE !== "0") {
      for (const page of LIGHTHOUSE_PAGES) await fetch(`${server.origin}${page.path}`).then((response) => response.arrayBuffer());
      log("lighthouse");
      lighthouse = await runLighthouse(server.origin, LIGHTHOUSE_PAGES);
    }
    let pageViews: PageViewResult[] = [];
    if (kind === "postgres" && env.BENCH_PAGE_VIEWS !== "0") {
      log("page views in Chromium");
      pageViews = await measurePageViews(server.origin, pid, PAGE_VIEWS(sessions!));
      for (const view of pageViews)
        log(`${kind}: view of ${view.id}: ${view.requests} requests (${view.prefetches} prefetches), server CPU ${view.serverCpuMs} ms`);
    }
    const only = env.BENCH_ROWS?.split(",");
    const rows: RowResult[] = [];
    for (const row of benchRows(server.origin, sessions!, STATIC_PATH, scale.organizations)) {
      if (only && !only.includes(row.id)) continue;
      const result = await runRow(server.origin, pid, row, settings);
      log(`${kind}: ${row.id}: ${result.requestsPerSecond} req/s, p97.5 ${result.latencyMs.p97_5} ms, ${result.errors} errors`);
      rows.push(result);
    }
    return {
      database: kind === "postgres" ? `PostgreSQL ${await postgresVersion(postgresUrl)}` : "embedded (PGlite)",
      kind,
      scale,
      fillSeconds,
      idleRssMb,
      rows,
      lighthouse,
      pageViews,
    };
  } finally {
    await server.stop();
  }
}

if (env.BENCH_REPORT_ONLY === "1") {
  // Only the write-up changed (scripts/bench/analysis.md): render BENCHMARKS.md again from the JSON.
  const report = JSON.parse(readFileSync(path.join(outputDir, "benchmarks.json"), "utf8")) as BenchReport;
  writeFileSync(path.join(outputDir, "BENCHMARKS.md"), renderReport(report));
  log("rendered BENCHMARKS.md from benchmarks.json");
  process.exit(0);
}

ensureBuild({ skip: env.BENCH_SKIP_BUILD === "1", log });
const results: BenchRun[] = [];
/** Written after each run, so a run cut short still leaves the runs it finished. */
function writeReport(): void {
  const report: BenchReport = {
    date: new Date().toISOString(),
    commit: commitHash(),
    machine: machineInfo(),
    settings,
    lighthouseTargets: LIGHTHOUSE_TARGETS,
    runs: results,
  };
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(path.join(outputDir, "benchmarks.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(outputDir, "BENCHMARKS.md"), renderReport(report));
}
for (const kind of runs) {
  if (kind !== "postgres" && kind !== "pglite") throw new Error(`BENCH_RUNS: unknown run ${kind}`);
  results.push(await benchOne(kind));
  writeReport();
}
log(`wrote ${path.relative(process.cwd(), outputDir)}/benchmarks.json and BENCHMARKS.md`);
