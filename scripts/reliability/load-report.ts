/** docs/reliability/load.md from the load run's JSON, and the run's pass/fail checks. */
import type { MixedLoadResult, MixSettings } from "./mixed-load";

export type LoadReport = {
  date: string;
  commit: string;
  machine: { cpus: string; memoryGb: number; os: string; node: string; loadAverageAtEnd: number[] };
  database: string;
  scale: { organizations: number; applications: number };
  settings: MixSettings;
  result: MixedLoadResult;
  /** Section saves sent and acknowledged (warm-up included), and the audit rows written (one per committed save). */
  writes: { sent: number; acknowledged: number; auditRows: number };
  memory: MemoryVerdict;
  checks: { name: string; passed: boolean; detail: string }[];
  /** Hand-written findings (scripts/reliability/load-notes.md), appended to load.md. */
  notes?: string;
};

/**
 * "Memory levels off", judged twice over the last third of the run against the end of the second
 * (the first third holds the climb from idle): the live heap, what a full collection leaves
 * (measured under load), and the peak RSS may each grow by at most GROWTH_LIMIT. RSS alone cannot
 * tell a leak from garbage V8 has not collected yet; the live heap can.
 */
export const GROWTH_LIMIT = 0.1;

export type MemoryVerdict = {
  buckets: { from: number; to: number; minMb: number; maxMb: number; meanMb: number }[];
  liveHeapMb: MixedLoadResult["liveHeapMb"];
  /** Live heap at the end of the second third, and at the end of the run. */
  middleHeapMb: number;
  lastHeapMb: number;
  growth: number;
  levelsOff: boolean;
  /** RSS peaks of the middle and last thirds. */
  rssMiddlePeakMb: number;
  rssLastPeakMb: number;
  rssGrowth: number;
  rssLevelsOff: boolean;
};

const peak = (samples: { mb: number }[]) => Math.max(0, ...samples.map((s) => s.mb));

export function judgeMemory(result: MixedLoadResult, durationSeconds: number): MemoryVerdict {
  const samples = result.rssMb;
  const buckets = [];
  for (let from = 0; from < durationSeconds; from += 10) {
    const inBucket = samples.filter((s) => s.second > from && s.second <= from + 10);
    if (inBucket.length === 0) continue;
    const values = inBucket.map((s) => s.mb);
    buckets.push({
      from,
      to: from + 10,
      minMb: Math.min(...values),
      maxMb: Math.max(...values),
      meanMb: Math.round(values.reduce((sum, n) => sum + n, 0) / values.length),
    });
  }
  const third = durationSeconds / 3;
  const [, middle, last] = result.liveHeapMb;
  const middleHeapMb = middle?.mb ?? 0;
  const lastHeapMb = last?.mb ?? 0;
  const growth = middleHeapMb > 0 ? (lastHeapMb - middleHeapMb) / middleHeapMb : Number.NaN;
  // A forced full collection briefly raises RSS itself: the samples around each probe are not judged.
  const judged = samples.filter((s) => !result.liveHeapMb.some((probe) => Math.abs(s.second - probe.second) <= 1));
  const rssMiddlePeakMb = peak(judged.filter((s) => s.second > third && s.second <= 2 * third));
  const rssLastPeakMb = peak(judged.filter((s) => s.second > 2 * third));
  const rssGrowth = rssMiddlePeakMb > 0 ? (rssLastPeakMb - rssMiddlePeakMb) / rssMiddlePeakMb : Number.NaN;
  return {
    buckets,
    liveHeapMb: result.liveHeapMb,
    middleHeapMb,
    lastHeapMb,
    growth: Math.round(growth * 1000) / 1000,
    levelsOff: Number.isFinite(growth) && growth <= GROWTH_LIMIT,
    rssMiddlePeakMb,
    rssLastPeakMb,
    rssGrowth: Math.round(rssGrowth * 1000) / 1000,
    rssLevelsOff: rssGrowth <= GROWTH_LIMIT,
  };
}

export function loadChecks(result: MixedLoadResult, writes: LoadReport["writes"], memory: MemoryVerdict, durationSeconds: number) {
  const third = Math.round(durationSeconds / 3);
  return [
    { name: "no 5xx", passed: result.errors.server5xx === 0, detail: `${result.errors.server5xx}` },
    {
      name: "no errors (connection, timeout, unexpected status, or a body that fails its check)",
      passed: result.errors.connection + result.errors.timeouts + result.errors.unexpected + result.errors.refusedBody === 0,
      detail: JSON.stringify(result.errors),
    },
    {
      name: "nothing lost: an audit row for every acknowledged save (and none beyond the saves sent: the rest were in flight when a run ended)",
      passed: writes.acknowledged > 0 && writes.auditRows >= writes.acknowledged && writes.auditRows <= writes.sent,
      detail: `${writes.acknowledged} acknowledged ≤ ${writes.auditRows} audit rows ≤ ${writes.sent} sent`,
    },
    {
      name: `memory levels off: live heap after a full collection grows at most ${GROWTH_LIMIT * 100} % over the last ${third} s`,
      passed: memory.levelsOff,
      detail: `${memory.middleHeapMb} MB at ${2 * third} s → ${memory.lastHeapMb} MB at ${durationSeconds} s (${(memory.growth * 100).toFixed(1)} %)`,
    },
    {
      name: `memory levels off: peak RSS of the last ${third} s at most ${GROWTH_LIMIT * 100} % above the middle ${third} s`,
      passed: memory.rssLevelsOff,
      detail: `${memory.rssMiddlePeakMb} MB → ${memory.rssLastPeakMb} MB (${(memory.rssGrowth * 100).toFixed(1)} %)`,
    },
  ];
}

export function renderLoadReport(report: LoadReport): string {
  const { result, settings, memory } = report;
  const weightTotal = Object.values(settings.weights).reduce((sum, n) => sum + n, 0);
  const kinds = Object.entries(result.byKind).sort(([a], [b]) => (settings.weights[b] ?? 0) - (settings.weights[a] ?? 0) || a.localeCompare(b));
  return `# Load: ${settings.durationSeconds} s of mixed traffic at ${settings.connections} connections

Generated by \`npm run reliability:load\` (\`scripts/reliability-load.ts\`) from [load.json](load.json); do not edit
by hand. Run ${report.date.slice(0, 16).replace("T", " ")} UTC, commit \`${report.commit}\`, on ${report.machine.cpus}
(${report.machine.memoryGb} GB, Node ${report.machine.node}), load average at the end ${report.machine.loadAverageAtEnd.join(", ")}.
The load generator (autocannon) runs on the same 2 cores as the server and the database, and the
machine was shared with other agents' runs: the throughput and latencies are lower bounds, not a
benchmark ([BENCHMARKS.md](../BENCHMARKS.md) has those).

Database: ${report.database}, ${report.scale.organizations.toLocaleString("en")} organizations and
${report.scale.applications.toLocaleString("en")} applications (the bench's generator). Server: \`next start\` (production build).
Before measuring: every distinct GET path once, then ${settings.warmupSeconds} s of the same mix at 10 connections.

## Checks

| check | result | measured |
| --- | --- | --- |
${report.checks.map((check) => `| ${check.name} | ${check.passed ? "pass" : "**FAIL**"} | ${check.detail} |`).join("\n")}

## Requests

| | |
| --- | ---: |
| requests answered | ${result.requests.toLocaleString("en")} |
| requests per second | ${result.requestsPerSecond} |
| latency p50 / p97.5 / p99 / max | ${result.latencyMs.p50} / ${result.latencyMs.p97_5} / ${result.latencyMs.p99} / ${result.latencyMs.max} ms |
| status codes | ${Object.entries(result.statusCodes)
    .map(([code, n]) => `${code}: ${n.toLocaleString("en")}`)
    .join(", ")} |
| errors | connection ${result.errors.connection}, timeouts ${result.errors.timeouts}, unexpected status ${result.errors.unexpected}, refused body ${result.errors.refusedBody} |

By kind (the mix's weight, and what came back):

| request | weight | requests | share | ok | status codes |
| --- | ---: | ---: | ---: | ---: | --- |
${kinds
  .map(
    ([id, kind]) =>
      `| ${kind.label} | ${Math.round(((settings.weights[id] ?? 0) / weightTotal) * 100)} % | ${kind.requests.toLocaleString("en")} | ${Math.round((kind.requests / Math.max(1, result.requests)) * 100)} % | ${kind.ok.toLocaleString("en")} | ${Object.entries(
        kind.statusCodes,
      )
        .map(([code, n]) => `${code}: ${n}`)
        .join(", ")} |`,
  )
  .join("\n")}

Slow kinds hold their connections longer, so the share of answers differs from the weight.
Section saves, warm-up included: ${report.writes.sent} sent, ${report.writes.acknowledged} acknowledged, ${report.writes.auditRows} audit rows
written (one per committed save, in its transaction). Autocannon stops counting when a run's time
is up, so the saves still in flight then (at most one per connection) committed unanswered.

## Memory

Live heap after a full collection (the server runs with \`--expose-gc\` and a probe preloaded by
the script, \`scripts/reliability/heap-probe.cjs\`, which collects and reports on a signal), under
load at the end of each third of the run:

| second | live heap MB | RSS MB | collection took |
| ---: | ---: | ---: | ---: |
${memory.liveHeapMb.map((h) => `| ${h.second} | ${h.mb} | ${h.rssMb} | ${h.gcMs} ms |`).join("\n")}

RSS of the server's process tree, sampled every second (idle before the run ${result.idleRssMb} MB;
${result.afterRssMb} MB two seconds after it):

| seconds | min MB | mean MB | max MB |
| --- | ---: | ---: | ---: |
${memory.buckets.map((b) => `| ${b.from}–${b.to} | ${b.minMb} | ${b.meanMb} | ${b.maxMb} |`).join("\n")}

Criterion, both ways: over the last third of the run, the live heap (${memory.middleHeapMb} → ${memory.lastHeapMb} MB,
${(memory.growth * 100).toFixed(1)} %) and the peak RSS (${memory.rssMiddlePeakMb} → ${memory.rssLastPeakMb} MB, ${(memory.rssGrowth * 100).toFixed(1)} %) may each grow
by at most ${GROWTH_LIMIT * 100} %. The first third holds the climb from idle (caches, compiled code, the pool)
and is left out, and so are the RSS samples within a second of a heap probe (a forced full
collection raises RSS for a moment by itself). RSS alone cannot tell a leak from garbage V8 has not collected yet (it sizes the
heap to the machine's memory, and collects late when there is room); the live heap can. The three
forced collections (their times above) count in the run's latencies.
${report.notes ? `\n${report.notes}` : ""}
`;
}
