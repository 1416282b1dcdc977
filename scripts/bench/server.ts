/**
 * The production server under test: `next start` in its own process (the load generator is the
 * bench's process), on a database prepared beforehand, and the resident memory of its process tree.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { BenchTarget } from "./database";

export type BenchServer = { origin: string; process: ChildProcess; stop: () => Promise<void> };

export type ServerOptions = {
  /** The server's output goes here (appended) instead of this process's stderr. */
  logFile?: string;
  /** Kept across restarts of one scenario; a fresh one otherwise. */
  authSecret?: string;
  /**
   * Empty Next's data cache first. It outlives the server in .next/cache, and the register's
   * entries are keyed by a revision that starts again at 0 in every new database: a run on a fresh
   * database would otherwise be served another database's register at first.
   */
  freshDataCache?: boolean;
  /** Added to the server's NODE_OPTIONS (measurement only, e.g. a heap probe). */
  nodeOptions?: string;
  env?: Record<string, string>;
};

export async function startServer(target: BenchTarget, port: number, options: ServerOptions = {}): Promise<BenchServer> {
  const origin = `http://localhost:${port}`;
  if (options.freshDataCache) rmSync(path.join(process.cwd(), ".next", "cache", "fetch-cache"), { recursive: true, force: true });
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const databaseEnv = target.kind === "postgres" ? { DATABASE_URL: target.url } : { DATABASE_URL: "", EMBEDDED_DATABASE: "true", PGLITE_DIR: target.dir };
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    stdio: options.logFile ? ["ignore", openSync(options.logFile, "a"), openSync(options.logFile, "a")] : ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...databaseEnv,
      NODE_ENV: "production",
      AUTH_SECRET: options.authSecret ?? randomBytes(32).toString("base64url"),
      AUTH_URL: origin,
      AUTH_TRUST_HOST: "true",
      SKIP_MIGRATIONS: "true",
      // No SMTP server in a benchmark: notices stay in the outbox.
      MAILBOX_ENABLED: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.nodeOptions ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${options.nodeOptions}`.trim() } : {}),
      ...options.env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("next start did not answer /api/health within 120 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    origin,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The process and all its descendants (Linux /proc). */
export function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap((child) => processTree(child))];
}

/** Resident set size of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const id of processTree(pid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, "utf8"));
      total += match ? Number(match[1]) * 1024 : 0;
    } catch {
      // the process ended
    }
  }
  return total;
}

/** Samples the tree's RSS every 100 ms until stopped; returns the peak. */
export function watchPeakRss(pid: number): () => number {
  let peak = treeRss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, treeRss(pid));
  };
}

/** Kills the process and every descendant at once, as a crash or an OOM kill would; resolves once all are gone. */
export async function killTree(pid: number, signal: NodeJS.Signals = "SIGKILL"): Promise<number[]> {
  const tree = processTree(pid);
  for (const id of tree) {
    try {
      process.kill(id, signal);
    } catch {
      // already gone
    }
  }
  const alive = (id: number) => {
    try {
      return !/State:\s+Z/.test(readFileSync(`/proc/${id}/status`, "utf8"));
    } catch {
      return false;
    }
  };
  while (tree.some(alive)) await new Promise((resolve) => setTimeout(resolve, 10));
  return tree;
}
