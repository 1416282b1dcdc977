/**
 * Traffic that keeps a record of every request (when it started and ended, and how it ended), for
 * the fault scenarios, where what matters is which requests overlapped the fault and how each one
 * failed. Throughput runs use autocannon instead (scripts/bench/load.ts, scripts/reliability-load.ts).
 */
import type { BenchRow } from "../bench/rows";

/**
 * ok: an expected status and body. server-error: a 5xx answer (a clean failure).
 * refused: a 2xx whose body is an error (a server action's error state or error row).
 * unexpected-status: any other status (a 3xx to the sign-in page, a 4xx).
 * network-error: no HTTP answer (connection refused or reset). timeout: no answer within the limit.
 */
export type Outcome = "ok" | "server-error" | "refused" | "unexpected-status" | "network-error" | "timeout";

export type RequestRecord = {
  kind: string;
  path: string;
  /** Milliseconds since the scenario's clock started. */
  start: number;
  end: number;
  status: number | null;
  outcome: Outcome;
  detail?: string;
};

export type TrafficRequest = { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer };

export const clock = (() => {
  let origin = performance.now();
  return { reset: () => void (origin = performance.now()), now: () => Math.round((performance.now() - origin) * 10) / 10 };
})();

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Sends one request and classifies how it ended; `body` is returned for the caller's own checks. */
export async function send(
  origin: string,
  kind: string,
  request: TrafficRequest,
  expect: { status: number[]; verify?: (body: string) => boolean },
  timeoutMs: number,
): Promise<RequestRecord & { body: string }> {
  const start = clock.now();
  try {
    const response = await fetch(`${origin}${request.path}`, {
      method: request.method ?? "GET",
      headers: request.headers,
      body: typeof request.body === "string" || request.body === undefined ? request.body : new Uint8Array(request.body),
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    const status = response.status;
    const outcome: Outcome =
      status >= 500 ? "server-error" : !expect.status.includes(status) ? "unexpected-status" : expect.verify && !expect.verify(body) ? "refused" : "ok";
    const detail =
      status >= 300 && status < 400
        ? (response.headers.get("location") ?? undefined)
        : outcome === "refused"
          ? /:E\{"digest"/.test(body)
            ? "error row (an exception while acting or rendering)"
            : (/"status":"error","message":"([^"]{0,160})/.exec(body)?.[1] ?? body.slice(0, 160))
          : undefined;
    return { kind, path: request.path, start, end: clock.now(), status, outcome, ...(detail ? { detail } : {}), body };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return {
      kind,
      path: request.path,
      start,
      end: clock.now(),
      status: null,
      outcome: timedOut ? "timeout" : "network-error",
      detail: causeOf(error),
      body: "",
    };
  }
}

/**
 * Smooth weighted round robin over the rows (deterministic): each row is picked in proportion to
 * its weight, spread out rather than in runs.
 */
export function weightedPicker(rows: BenchRow[], weights: Record<string, number>): () => BenchRow {
  const entries = rows.filter((row) => (weights[row.id] ?? 0) > 0).map((row) => ({ row, weight: weights[row.id]!, current: 0 }));
  if (entries.length === 0) throw new Error("no row has a weight");
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  return () => {
    let best = entries[0]!;
    for (const entry of entries) {
      entry.current += entry.weight;
      if (entry.current > best.current) best = entry;
    }
    best.current -= total;
    return best.row;
  };
}

/** `count` loops running `task` until `running()` turns false. */
export async function runWorkers(count: number, running: () => boolean, task: () => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, async () => {
      while (running()) await task();
    }),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
