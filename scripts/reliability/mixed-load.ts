/**
 * Mixed traffic through autocannon: every connection picks its next request from the bench's rows
 * by weight, each response is judged by its own row's rules (status, body), and the server tree's
 * resident memory is sampled every second.
 */
import autocannon from "autocannon";
import type { BenchRow } from "../bench/rows";
import { treeRss } from "../bench/server";
import { weightedPicker } from "./traffic";

export type MixSettings = { connections: number; durationSeconds: number; warmupSeconds: number; weights: Record<string, number> };

export type KindTally = { label: string; requests: number; ok: number; statusCodes: Record<string, number>; refusedBody: number };

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
};

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function cannon(origin: string, rows: BenchRow[], weights: Record<string, number>, connections: number, duration: number, byKind: Record<string, KindTally>) {
  const pick = weightedPicker(rows, weights);
  const rowsById = new Map(rows.map((row) => [row.id, row]));
  return autocannon({
    url: origin,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        setupRequest: (request, context) => {
          const row = pick();
          context.kind = row.id;
          const next = row.next();
          return { ...request, method: "GET", body: undefined, ...next, headers: { ...request.headers, ...next.headers } };
        },
        onResponse: (status, body, context) => {
          const row = rowsById.get(context.kind as string)!;
          const tally = (byKind[row.id] ??= { label: row.label, requests: 0, ok: 0, statusCodes: {}, refusedBody: 0 });
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

export async function runMixedLoad(origin: string, serverPid: number, rows: BenchRow[], settings: MixSettings): Promise<MixedLoadResult> {
  const idleRssMb = mb(treeRss(serverPid));
  for (const row of rows.filter((r) => (settings.weights[r.id] ?? 0) > 0 && r.warm)) {
    for (const path of row.warm!) await fetch(`${origin}${path}`).then((response) => response.arrayBuffer());
  }
  const warmupByKind: Record<string, KindTally> = {};
  if (settings.warmupSeconds > 0) await cannon(origin, rows, settings.weights, Math.min(10, settings.connections), settings.warmupSeconds, warmupByKind);

  const byKind: Record<string, KindTally> = {};
  const rssMb: MixedLoadResult["rssMb"] = [];
  const started = Date.now();
  const sampler = setInterval(() => rssMb.push({ second: Math.round((Date.now() - started) / 1000), mb: mb(treeRss(serverPid)) }), 1000);
  const result = await cannon(origin, rows, settings.weights, settings.connections, settings.durationSeconds, byKind);
  clearInterval(sampler);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const afterRssMb = mb(treeRss(serverPid));

  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const kinds = Object.values(byKind);
  const server5xx = Object.entries(statusCodes).filter(([code]) => code.startsWith("5")).reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: answered,
    requestsPerSecond: Math.round((answered / result.duration) * 10) / 10,
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max, average: Math.round(result.latency.average) },
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
  };
}
