/** The production build the benchmark and the reliability runs serve, and the machine they ran on. */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export function nextBuild(log: (line: string) => void): void {
  log("next build");
  const result = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

/** Builds unless told to reuse the build in .next (`skip`), or, with `reuseIfPresent`, unless one is there. */
export function ensureBuild(options: { skip: boolean; reuseIfPresent?: boolean; log: (line: string) => void }): void {
  const buildId = path.join(".next", "BUILD_ID");
  const present = existsSync(buildId);
  if (options.skip || (options.reuseIfPresent && present)) {
    if (!present) throw new Error("No build in .next to reuse: run `next build` first.");
    return options.log(`using the existing .next build (${statSync(buildId).mtime.toISOString()})`);
  }
  nextBuild(options.log);
}

export function machineInfo() {
  return {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtEnd: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

export function commitHash(): string {
  return spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
}
