/**
 * The server under test, started by Playwright's `webServer` (`npx tsx --conditions=react-server e2e/support/serve.ts`).
 *
 * It does NOT build: `npm run test:e2e` runs `next build` first. It
 *  1. prepares a fresh database: DATABASE_URL as given (CI hands over a fresh database), or
 *     else a new PGlite directory .data/e2e-<timestamp>-<pid>, removed when the run ends;
 *  2. migrates and seeds it in this process, then closes it: PGlite allows one process per
 *     directory, and the server opens it next;
 *  3. makes the first admin with `npm run admin:create` (the command an operator runs), then
 *     runs `next start -p 3210` with the test settings, forwards SIGINT/SIGTERM to it and
 *     exits with its exit code.
 *
 * `serve.ts --join` starts another instance on the database the first one prepared (PostgreSQL
 * only): the two-instance suite. Instances share AUTH_SECRET through E2E_AUTH_SECRET, as a
 * deployment's instances share theirs (a sign-in link asked on one opens on the other).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { APP_PORT, APP_URL, SIGN_IN_LIMIT_PER_ADDRESS, SIGN_IN_LIMIT_PER_EMAIL, SMTP_URL } from "./env";
import { CONSOLE_ADMIN } from "./fixtures/reliability";
import { isProcessAlive } from "@/lib/process-alive";

const root = process.cwd();
/** The address users reach the portal at: this server's own, or the proxy's in front of it (two-instance suite). */
const PUBLIC_URL = process.env.E2E_PUBLIC_URL ?? APP_URL;
const dataRoot = path.join(root, ".data");
let pgliteDir: string | null = null;

function removeDatabaseDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.lock`, { force: true });
}

/** Directories left by runs that were killed (SIGKILL skips our cleanup): their owner is dead. */
function removeStaleRunDirs(): void {
  if (!existsSync(dataRoot)) return;
  for (const name of readdirSync(dataRoot)) {
    const match = /^e2e-\d+-(\d+)$/.exec(name);
    if (match && !isProcessAlive(Number(match[1]))) removeDatabaseDir(path.join(dataRoot, name));
  }
}

async function prepareDatabase(): Promise<void> {
  if (process.env.DATABASE_URL) {
    console.log("[e2e] database: PostgreSQL from DATABASE_URL");
  } else {
    removeStaleRunDirs();
    pgliteDir = path.join(dataRoot, `e2e-${Date.now()}-${process.pid}`);
    mkdirSync(pgliteDir, { recursive: true });
    process.env.PGLITE_DIR = pgliteDir;
    console.log(`[e2e] database: PGlite in ${path.relative(root, pgliteDir)}`);
  }
  // Imported only now, after PGLITE_DIR is set (the client reads it when it first opens).
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDatabase } = await import("@/db/seed");
  const { closeDb, getDb } = await import("@/db/client");
  const started = performance.now();
  await migrateDatabase();
  await seedDatabase(await getDb());
  const { seedE2eFixtures } = await import("./fixtures");
  await seedE2eFixtures(await getDb());
  // PGlite: one process per data directory. Close it (and release its lock) before the server opens it.
  await closeDb();
  console.log(`[e2e] migrated and seeded in ${Math.round(performance.now() - started)} ms`);
}

/** The operator's command, in its own process, on the database prepared above (closed by now). */
function createConsoleAdmin(): void {
  const result = spawnSync("npm", ["run", "--silent", "admin:create", "--", CONSOLE_ADMIN.email], {
    env: { ...process.env, AUTH_URL: PUBLIC_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`npm run admin:create failed (${result.status}): ${result.stderr}${result.stdout}`);
  console.log(`[e2e] npm run admin:create: ${result.stdout.trim()}`);
}

function cleanUp(): void {
  if (pgliteDir) {
    removeDatabaseDir(pgliteDir);
    pgliteDir = null;
  }
}

function startServer(): ChildProcess {
  const home = path.join(os.tmpdir(), "csm-e2e-home");
  mkdirSync(home, { recursive: true });
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  // Node runs next directly (no npx in between), so signals reach it and its exit code comes back.
  return spawn(process.execPath, [nextBin, "start", "-p", String(APP_PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? randomBytes(32).toString("base64url"),
      AUTH_URL: PUBLIC_URL,
      AUTH_TRUST_HOST: "true",
      EMBEDDED_DATABASE: process.env.DATABASE_URL ? "false" : "true",
      MAILBOX_ENABLED: "true",
      SMTP_URL,
      // A refused message is tried twice, a second apart, then dead (the deliveries test).
      MAIL_RETRY_LIMIT: "1",
      MAIL_RETRY_DELAY_SECONDS: "1",
      SIGN_IN_LIMIT_PER_ADDRESS: process.env.E2E_SIGN_IN_LIMIT_PER_ADDRESS ?? String(SIGN_IN_LIMIT_PER_ADDRESS),
      SIGN_IN_LIMIT_PER_EMAIL: String(SIGN_IN_LIMIT_PER_EMAIL),
      NEXT_TELEMETRY_DISABLED: "1",
      // Warnings and errors only: the info lines of a whole run would bury the test report.
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      HOME: home,
    },
  });
}

if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("[e2e] No production build in .next/: run `next build` first (npm run test:e2e does).");
  process.exit(1);
}

const joining = process.argv.includes("--join");
if (joining && !process.env.DATABASE_URL) {
  console.error("[e2e] --join needs DATABASE_URL: an embedded database allows one process only.");
  process.exit(1);
}

try {
  if (joining) console.log("[e2e] database: joining the PostgreSQL database the first instance prepared");
  else {
    await prepareDatabase();
    createConsoleAdmin();
  }
} catch (error) {
  cleanUp();
  console.error("[e2e] could not prepare the database:", error);
  process.exit(1);
}

const server = startServer();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopping = true;
    // Playwright signals the whole process group; forwarding again is harmless.
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}
server.on("exit", (code, signal) => {
  cleanUp();
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
process.on("exit", cleanUp);
