/**
 * The production server under test: `next start` in its own process (the load generator is the
 * bench's process), on a database prepared beforehand, and the resident memory of its process tree.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { BenchTarget } from "./database";

export type BenchServer = { origin: string; process: ChildProcess; stop: () => Promise<void> };

export async function startServer(target: BenchTarget, port: number): Promise<BenchServer> {
  const origin = `http://localhost:${port}`;
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const databaseEnv = target.kind === "postgres" ? { DATABASE_URL: target.url } : { DATABASE_URL: "", PGLITE_DIR: target.dir };
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      ...databaseEnv,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_URL: origin,
      AUTH_TRUST_HOST: "true",
      SKIP_MIGRATIONS: "true",
      NEXT_TELEMETRY_DISABLED: "1",
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

/** Resident set size of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  for (const id of [pid, ...childrenOf(pid).flatMap((child) => [child, ...childrenOf(child)])]) {
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
