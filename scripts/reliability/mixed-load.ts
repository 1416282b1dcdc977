/**
 * Mixed traffic through autocannon: every connection picks its next request from the bench's rows
 * by weight, each response is judged by its own row's rules (status, body), and the server tree's
 * resident memory is sampled every second.
 */
import { existsSync, readFileSync } from "node:fs";
import autocannon from "autocannon";
import type { BenchRow } from "../bench/rows";
import { treeRss } from "../bench/server";
import { weightedPicker } from "./traffic";

export type MixSettings = {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  weights: Record<string, number>;
  /** Each connection reconnects after this many requests (unset: one keep-alive connection each for the whole run). */
  reconnectRate?: number;
};

/** `sent` counts requests set up; those still in flight when a run ends are sent but not answered. */
export type KindTally = { label: string; sent: number; requests: number; ok: number; statusCodes: Record<string, number>; refusedBody: number };

const tallyOf = (byKind: Record<string, KindTally>, row: BenchRow) =>
  (byKind[row.id] ??= { label: row.label, sent: 0, requests: 0, ok: 0, statusCodes: {}, refusedBody: 0 });

export type MixedLoadResult = {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number; average: number };
  statusCodes: Record<string, number>;
  errors: { connection: number; timeouts: number; non2xx: number; server5xx: number; unexpected: number; refusedBody: number };
  byKind: Record<string, KindTally>;
  /** The warm-up's answers (not in the figures above; its saves are in the database too). */
  warmupByKind: Record<string, KindTally>;
  /** Resident memory of the server's process tree, one sample per second of the measured run. */
  rssMb: { second: number; mb: number }[];
  idleRssMb: number;
  afterRssMb: number;
  /** The live heap after a full collection, at the end of each third of the run (under load), from the heap probe. */
  liveHeapMb: { second: number; mb: number; gcMs: number; rssMb: number }[];
};

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function cannon(origin: string, rows: BenchRow[], settings: MixSettings, connections: number, duration: number, byKind: Record<string, KindTally>) {
  const pick = weightedPicker(rows, settings.weights);
  const rowsById = new Map(rows.map((row) => [row.id, row]));
  return autocannon({
    url: origin,
    connections,
    duration,
    timeout: 30,
    ...(settings.reconnectRate ? { reconnectRate: settings.reconnectRate } : {}),
    requests: [
      {
        setupRequest: (request, context) => {
          const row = pick();
          context.kind = row.id;
          tallyOf(byKind, row).sent++;
          const next = row.next();
          return { ...request, method: "GET", body: undefined, ...next, headers: { ...request.headers, ...next.headers } };
        },
        onResponse: (status, body, context) => {
          const row = rowsById.get(context.kind as string)!;
          const tally = tallyOf(byKind, row);
          tally.requests++;
          tally.statusCodes[status] = (tally.statusCodes[status] ?? 0) + 1;
          if (!row.expect.includes(status)) return;
          if (row.verify && !row.verify(body)) tally.refusedBody++;
          else tally.ok++;
        },
      },
    ],
  });
}

/** `heapLog`: the file the server's heap probe (heap-probe.cjs) appends to on SIGUSR2. */
export async function runMixedLoad(origin: string, serverPid: number, rows: BenchRow[], settings: MixSettings, heapLog?: string): Promise<MixedLoadResult> {
  const idleRssMb = mb(treeRss(serverPid));
  for (const row of rows.filter((r) => (settings.weights[r.id] ?? 0) > 0 && r.warm)) {
    for (const path of row.warm!) await fetch(`${origin}${path}`).then((response) => response.arrayBuffer());
  }
  const warmupByKind: Record<string, KindTally> = {};
  if (settings.warmupSeconds > 0) await cannon(origin, rows, settings, Math.min(10, settings.connections), settings.warmupSeconds, warmupByKind);

  const byKind: Record<string, KindTally> = {};
  const rssMb: MixedLoadResult["rssMb"] = [];
  const started = Date.now();
  const sampler = setInterval(() => rssMb.push({ second: Math.round((Date.now() - started) / 1000), mb: mb(treeRss(serverPid)) }), 1000);
  const marks = [1, 2, 3].map((third) => Math.round(((settings.durationSeconds * third) / 3) * 1000 - 500));
  const probes = heapLog ? marks.map((at) => setTimeout(() => process.kill(serverPid, "SIGUSR2"), at)) : [];
  const result = await cannon(origin, rows, settings, settings.connections, settings.durationSeconds, byKind);
  clearInterval(sampler);
  probes.forEach(clearTimeout);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const afterRssMb = mb(treeRss(serverPid));
  const heapLines = heapLog && existsSync(heapLog) ? readFileSync(heapLog, "utf8").trim().split("\n").filter(Boolean) : [];
  const liveHeapMb = heapLines.map((line, i) => {
    const sample = JSON.parse(line) as { heapUsed: number; gcMs: number; rss: number };
    return { second: Math.round((marks[i] ?? 0) / 1000), mb: mb(sample.heapUsed), gcMs: sample.gcMs, rssMb: mb(sample.rss) };
  });

  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const kinds = Object.values(byKind);
  const server5xx = Object.entries(statusCodes)
    .filter(([code]) => code.startsWith("5"))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: answered,
    requestsPerSecond: Math.round((answered / result.duration) * 10) / 10,
    latencyMs: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
      average: Math.round(result.latency.average),
    },
    statusCodes,
    errors: {
      connection: result.errors - result.timeouts,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      server5xx,
      unexpected: kinds.reduce((sum, kind) => sum + kind.requests - kind.ok - kind.refusedBody, 0),
      refusedBody: kinds.reduce((sum, kind) => sum + kind.refusedBody, 0),
    },
    byKind,
    warmupByKind,
    rssMb,
    idleRssMb,
    afterRssMb,
    liveHeapMb,
  };
}
