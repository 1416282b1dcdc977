/** One row of the bench: warm up, then autocannon against the server while its memory is watched. */
import autocannon from "autocannon";
import type { BenchRow } from "./rows";
import { watchPeakRss } from "./server";

export type RowResult = {
  id: string;
  label: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
  errors: number;
  errorDetail: { connection: number; timeouts: number; unexpectedStatus: number; refusedBody: number; statusCodes: Record<string, number> };
  peakRssMb: number;
};

export type LoadSettings = { connections: number; durationSeconds: number; warmupSeconds: number };

function cannon(origin: string, row: BenchRow, connections: number, duration: number) {
  return autocannon({
    url: origin,
    connections,
    duration,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const next = row.next();
          return { ...request, ...next, headers: { ...request.headers, ...next.headers } };
        },
      },
    ],
    ...(row.verify ? { verifyBody: row.verify } : {}),
  });
}

async function warm(origin: string, row: BenchRow): Promise<void> {
  const paths = row.warm ?? [];
  for (let i = 0; i < paths.length; i += 8) {
    await Promise.all(paths.slice(i, i + 8).map((path) => fetch(`${origin}${path}`).then((response) => response.arrayBuffer())));
  }
}

/**
 * Requests still in flight when a row ends keep the server busy; the next row starts once a health
 * check answers promptly again (or after 20 s).
 */
async function settle(origin: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await fetch(`${origin}/api/health`).then((response) => response.arrayBuffer());
    if (performance.now() - started < 100) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function runRow(origin: string, serverPid: number, row: BenchRow, settings: LoadSettings): Promise<RowResult> {
  await warm(origin, row);
  if (settings.warmupSeconds > 0) await cannon(origin, row, Math.min(10, settings.connections), settings.warmupSeconds);
  const peakRss = watchPeakRss(serverPid);
  const result = await cannon(origin, row, settings.connections, settings.durationSeconds);
  const peak = peakRss();
  await settle(origin);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  const answered = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  const expected = row.expect.reduce((sum, code) => sum + (statusCodes[String(code)] ?? 0), 0);
  const errorDetail = {
    connection: result.errors - result.timeouts,
    timeouts: result.timeouts,
    unexpectedStatus: answered - expected,
    refusedBody: result.mismatches,
    statusCodes,
  };
  return {
    id: row.id,
    label: row.label,
    requests: answered,
    requestsPerSecond: Math.round((answered / result.duration) * 10) / 10,
    latencyMs: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    errors: errorDetail.connection + errorDetail.timeouts + errorDetail.unexpectedStatus + errorDetail.refusedBody,
    errorDetail,
    peakRssMb: Math.round(peak / 1024 / 1024),
  };
}
