/** docs/BENCHMARKS.md from the bench's JSON (and the hand-written analysis in analysis.md). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchScale } from "./data";
import type { LighthouseResult } from "./lighthouse";
import type { LoadSettings, RowResult } from "./load";
import type { PageViewResult } from "./page-views";

export type BenchRun = {
  database: string;
  kind: "postgres" | "pglite";
  scale: BenchScale;
  fillSeconds: number;
  idleRssMb: number;
  rows: RowResult[];
  lighthouse: LighthouseResult[];
  /** Absent from runs recorded before page views were measured. */
  pageViews?: PageViewResult[];
};

export type BenchReport = {
  date: string;
  commit: string;
  machine: { cpus: string; memoryGb: number; os: string; node: string; loadAverageAtEnd: number[] };
  settings: LoadSettings;
  lighthouseTargets: Record<string, number>;
  runs: BenchRun[];
};

/** Share of the static file's throughput each public row must reach (issue #18). */
const PUBLIC_SHARE_GOALS: Record<string, number> = { home: 0.5, "take-part": 0.5, register: 0.5, organization: 0.5, search: 0.25, api: 0.5 };
/** Staff rows: p97.5 budget, and at least twice the req/s measured before the page cache (2026-11-28, PostgreSQL). */
const STAFF_GOALS: Record<string, { p97_5Ms: number; minRequestsPerSecond: number }> = {
  queue: { p97_5Ms: 300, minRequestsPerSecond: 2 * 61.5 },
  dashboard: { p97_5Ms: 300, minRequestsPerSecond: 2 * 74.3 },
};

const ratio = (row: RowResult, staticRow: RowResult | undefined) =>
  staticRow && staticRow.requestsPerSecond > 0 ? `${Math.round((row.requestsPerSecond / staticRow.requestsPerSecond) * 100)} %` : "–";

function runTable(run: BenchRun): string {
  const staticRow = run.rows.find((row) => row.id === "static");
  const lines = [
    "| request | req/s | vs static | p50 ms | p97.5 ms | p99 ms | errors | peak RSS MB |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...run.rows.map(
      (row) =>
        `| ${row.label} | ${row.requestsPerSecond} | ${row.id === "static" ? "100 %" : ratio(row, staticRow)} | ${row.latencyMs.p50} | ${row.latencyMs.p97_5} | ${row.latencyMs.p99} | ${row.errors} | ${row.peakRssMb} |`,
    ),
  ];
  return lines.join("\n");
}

export type GoalCheck = { goal: string; met: boolean; measured: string };

/** The issue's goals, judged on a PostgreSQL run. */
export function checkGoals(run: BenchRun): GoalCheck[] {
  const staticRow = run.rows.find((row) => row.id === "static");
  const checks: GoalCheck[] = [];
  for (const [id, goal] of Object.entries(PUBLIC_SHARE_GOALS)) {
    const row = run.rows.find((candidate) => candidate.id === id);
    if (!row || !staticRow) continue;
    const share = row.requestsPerSecond / staticRow.requestsPerSecond;
    checks.push({
      goal: `${row.label}: at least ${goal * 100} % of the static file's throughput`,
      met: share >= goal,
      measured: `${Math.round(share * 100)} %`,
    });
  }
  for (const [id, goal] of Object.entries(STAFF_GOALS)) {
    const row = run.rows.find((candidate) => candidate.id === id);
    if (!row) continue;
    checks.push({
      goal: `${row.label}: p97.5 at most ${goal.p97_5Ms} ms and at least ${goal.minRequestsPerSecond} req/s over ${run.scale.applications.toLocaleString("en")} applications`,
      met: row.requests > 0 && row.latencyMs.p97_5 <= goal.p97_5Ms && row.requestsPerSecond >= goal.minRequestsPerSecond,
      measured: row.requests > 0 ? `${row.latencyMs.p97_5} ms, ${row.requestsPerSecond} req/s` : "no request finished",
    });
  }
  const errors = run.rows.reduce((sum, row) => sum + row.errors, 0);
  checks.push({ goal: "no errors in any row", met: errors === 0, measured: `${errors} errors` });
  return checks;
}

function lighthouseTable(results: LighthouseResult[], targets: Record<string, number>): string {
  const mark = (score: number, target: number) => `${score}${score >= target ? "" : " ✗"}`;
  return [
    `| page | performance (≥ ${targets.performance}) | accessibility (${targets.accessibility}) | best practices (≥ ${targets.bestPractices}) | SEO (${targets.seo}) | FCP ms | LCP ms | TBT ms | CLS | audits that cost points |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.map(
      (r) =>
        `| ${r.page} (\`${r.url}\`) | ${mark(r.scores.performance, targets.performance!)} | ${mark(r.scores.accessibility, targets.accessibility!)} | ${mark(r.scores.bestPractices, targets.bestPractices!)} | ${mark(r.scores.seo, targets.seo!)} | ${r.metrics.fcpMs} | ${r.metrics.lcpMs} | ${r.metrics.tbtMs} | ${r.metrics.cls} | ${r.failing.map((f) => `${f.id}`).join(", ") || "none"} |`,
    ),
  ].join("\n");
}

export function renderReport(report: BenchReport): string {
  const analysis = readFileSync(fileURLToPath(new URL("./analysis.md", import.meta.url)), "utf8").trim();
  const { settings, machine } = report;
  const sections: string[] = [
    "# Benchmarks",
    "",
    "<!-- Generated by `npm run bench` (scripts/bench.ts) from docs/benchmarks.json; the analysis comes from scripts/bench/analysis.md. -->",
    "",
    `Measured ${report.date.slice(0, 16).replace("T", " ")} UTC at commit \`${report.commit}\`. Raw figures: [benchmarks.json](benchmarks.json).`,
    "",
    "## Machine and settings",
    "",
    "| | |",
    "| --- | --- |",
    `| CPU | ${machine.cpus} |`,
    `| memory | ${machine.memoryGb} GB |`,
    `| system | ${machine.os}, Node.js ${machine.node} |`,
    `| load average at the end (1, 5, 15 min) | ${machine.loadAverageAtEnd.join(", ")} |`,
    `| load | autocannon, ${settings.connections} connections, ${settings.durationSeconds} s per row after a ${settings.warmupSeconds} s warm-up, from the bench's own process (the server is a separate \`next start\` process on the same machine) |`,
    "",
  ];
  for (const run of report.runs) {
    sections.push(
      `## ${run.database}: ${run.scale.organizations.toLocaleString("en")} organizations, ${run.scale.applications.toLocaleString("en")} applications`,
      "",
      `Filled in ${run.fillSeconds} s (migrations, demo data, bench data, sessions). Server RSS when idle after start: ${run.idleRssMb} MB.`,
      "",
      runTable(run),
      "",
    );
    if (run.kind === "postgres") {
      sections.push(
        "Goals:",
        "",
        "| goal | measured | met |",
        "| --- | ---: | :---: |",
        ...checkGoals(run).map((check) => `| ${check.goal} | ${check.measured} | ${check.met ? "yes" : "**no**"} |`),
        "",
      );
    }
    if (run.lighthouse.length) {
      sections.push(
        `Lighthouse 12.2.3 (Chromium ${"/usr/bin/chromium"}, default mobile emulation and throttling) on this server:`,
        "",
        lighthouseTable(run.lighthouse, report.lighthouseTargets),
        "",
      );
    }
    if (run.pageViews?.length) {
      sections.push(
        "A page view in Chromium (1280 × 900, a first-time visitor: nothing in the browser's cache; the server warmed by one view first):",
        "",
        "| page | requests | of them prefetches | server CPU ms (median of 3 views) |",
        "| --- | ---: | ---: | ---: |",
        ...run.pageViews.map((view) => `| ${view.label} | ${view.requests} | ${view.prefetches} | ${view.serverCpuMs} |`),
        "",
      );
    }
  }
  sections.push(analysis, "");
  return sections.join("\n");
}
