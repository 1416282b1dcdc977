/**
 * `npm run reliability:faults`: on a throwaway PostgreSQL cluster of its own (never the shared
 * server), restarts PostgreSQL under the driver's transactions and in the middle of a load run on
 * the app, then kills the app server in the middle of submissions, and checks that every request
 * ended cleanly, nothing acknowledged was lost and nothing was half written. Writes docs/reliability/faults.json; exits non-zero when a check fails.
 * Settings and the write-up: docs/reliability/faults.md.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { commitHash, ensureBuild, machineInfo } from "./bench/build";
import { type BenchTarget, prepareBenchDatabase } from "./bench/database";
import { benchRows } from "./bench/rows";
import { type BenchServer, killTree, startServer } from "./bench/server";
import { type AppKillResult, runAppKill } from "./reliability/app-kill";
import { runChecks } from "./reliability/run";
import { createCluster, type ThrowawayCluster } from "./reliability/cluster";
import { type DatabaseRestartResult, runDatabaseRestart } from "./reliability/database-restart";
import { type DriverRestartResult, runDriverRestart } from "./reliability/driver-restart";

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const postgresPort = number("RELIABILITY_PG_PORT", 54329);
const appPort = number("RELIABILITY_PORT", 3310);
const scale = { organizations: number("RELIABILITY_ORGANIZATIONS", 1_000), applications: number("RELIABILITY_APPLICATIONS", 20_000) };
const scenarios = (env.RELIABILITY_SCENARIOS ?? "driver,restart,kill,notices").split(",").map((s) => s.trim());
const outputDir = path.resolve(env.RELIABILITY_OUTPUT_DIR ?? "docs/reliability");
const serverLog = path.join(os.tmpdir(), `csm-faults-server-${process.pid}.log`);

const log = (line: string) => console.log(`[faults] ${line}`);

let cluster: ThrowawayCluster | null = null;
let server: BenchServer | null = null;

async function cleanUp(): Promise<void> {
  if (server?.process.pid && server.process.exitCode === null) await killTree(server.process.pid);
  server = null;
  await cluster?.destroy();
  cluster = null;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server and deleting the throwaway cluster`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function main(): Promise<boolean> {
  // The notices scenario runs a test of its own on the cluster: it needs neither a build nor the bench data.
  const withApp = scenarios.some((scenario) => scenario !== "notices");
  if (withApp) ensureBuild({ skip: env.BENCH_SKIP_BUILD === "1", reuseIfPresent: env.RELIABILITY_BUILD !== "1", log });
  cluster = await createCluster(postgresPort, log);
  await cluster.start();
  const databaseUrl = cluster.url("csm_faults");
  const target: BenchTarget = { kind: "postgres", url: databaseUrl };
  if (withApp) log(`filling ${scale.organizations} organizations, ${scale.applications} applications`);
  const sessions = withApp ? (await prepareBenchDatabase(target, scale, { applicants: 2_000, log: (line) => log(line) }))! : null!;
  // The restart scenario writes to the first half of the drafts, the kill scenario uploads to the second.
  const half = withApp ? Math.floor(sessions.applicants.length / 2) : 0;
  const authSecret = randomBytes(32).toString("base64url");
  const start = async () => (server = await startServer(target, appPort, { logFile: serverLog, authSecret, freshDataCache: true }));
  log(`server output: ${serverLog}`);

  let driverRestart: DriverRestartResult | null = null;
  if (scenarios.includes("driver")) {
    log("scenario: transactions across database restarts (driver alone)");
    driverRestart = await runDriverRestart(cluster, databaseUrl, {
      restarts: number("RELIABILITY_DRIVER_RESTARTS", 3),
      workers: 20,
      upSeconds: 3,
      downSeconds: 2,
      hangMs: 15_000,
    });
  }
  let databaseRestart: DatabaseRestartResult | null = null;
  let appKill: AppKillResult | null = null;
  if (scenarios.includes("restart")) {
    const running = await start();
    const rows = benchRows(running.origin, sessions, "/favicon.ico", scale.organizations);
    for (const row of rows.filter((r) => r.warm)) {
      for (const warmPath of row.warm!) await fetch(`${running.origin}${warmPath}`).then((response) => response.arrayBuffer());
    }
    log("scenario: database restart under load");
    databaseRestart = await runDatabaseRestart({
      origin: running.origin,
      cluster,
      databaseUrl,
      sessions: { ...sessions, applicants: sessions.applicants.slice(0, half) },
      rows,
      settings: {
        durationSeconds: number("RELIABILITY_DURATION", 30),
        stopAtSeconds: number("RELIABILITY_STOP_AT", 10),
        downSeconds: number("RELIABILITY_DOWN", 4),
        readers: number("RELIABILITY_READERS", 12),
        writers: number("RELIABILITY_WRITERS", 6),
        timeoutMs: number("RELIABILITY_TIMEOUT_MS", 10_000),
        recoveryBudgetMs: number("RELIABILITY_RECOVERY_BUDGET_MS", 5_000),
      },
      log,
    });
    await running.stop();
    server = null;
  }
  if (scenarios.includes("kill")) {
    log("scenario: kill the app server mid-submission");
    appKill = await runAppKill({
      databaseUrl,
      sessions,
      applicants: sessions.applicants.slice(half),
      start,
      settings: {
        rounds: number("RELIABILITY_KILL_ROUNDS", 3),
        uploadWorkers: number("RELIABILITY_UPLOAD_WORKERS", 12),
        decisionWorkers: number("RELIABILITY_DECISION_WORKERS", 8),
        acknowledgedBeforeKill: number("RELIABILITY_ACKNOWLEDGED_BEFORE_KILL", 15),
        uploadBytes: number("RELIABILITY_UPLOAD_BYTES", 200_000),
        timeoutMs: number("RELIABILITY_TIMEOUT_MS", 10_000),
      },
      log,
    });
    server = null;
  }

  let noticesAfterKill: { decisions: number; passed: boolean; output: string } | null = null;
  if (scenarios.includes("notices")) {
    const decisions = number("RELIABILITY_NOTICE_DECISIONS", 500);
    log(`scenario: the app SIGKILLed after half of ${decisions} decisions commit, then every notice delivered once`);
    // The CI test of the same name, with more decisions, on the throwaway cluster.
    const run = spawnSync("npx", ["vitest", "run", "tests/integration/notices-after-crash.test.ts"], {
      env: { ...env, DATABASE_URL: cluster.url("postgres"), CRASH_DECISIONS: String(decisions) },
      encoding: "utf8",
      timeout: 600_000,
    });
    const output = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, "");
    noticesAfterKill = {
      decisions,
      passed: run.status === 0,
      output: output
        .split("\n")
        .filter((line) => /✓|×|FAIL|Error|expected/.test(line))
        .join("\n"),
    };
  }

  const report = {
    date: new Date().toISOString(),
    commit: commitHash(),
    machine: machineInfo(),
    postgres: `PostgreSQL ${cluster.version} (throwaway cluster, port ${postgresPort})`,
    scale,
    driverRestart,
    databaseRestart,
    appKill,
    noticesAfterKill,
  };
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(path.join(outputDir, "faults.json"), `${JSON.stringify(report, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), path.join(outputDir, "faults.json"))}`);

  const checks = [
    ...(driverRestart?.checks.map((check) => ({ ...check, scenario: "driver" })) ?? []),
    ...(databaseRestart?.checks.map((check) => ({ ...check, scenario: "database restart" })) ?? []),
    ...(appKill?.checks.map((check) => ({ ...check, scenario: "app kill" })) ?? []),
    ...(noticesAfterKill
      ? [
          {
            scenario: "notices",
            name: "after a SIGKILL every committed decision's notice is delivered once, none for the rest",
            passed: noticesAfterKill.passed,
            detail: noticesAfterKill.output,
          },
        ]
      : []),
  ];
  if (driverRestart) {
    log(
      `driver: ${driverRestart.committed} transactions committed, ${JSON.stringify(driverRestart.failed)} failed, ${driverRestart.hung} hung, ${driverRestart.uncaughtExceptions.length} uncaught`,
    );
  }
  if (databaseRestart) {
    const { databaseOutageMs, recovery, writes } = databaseRestart;
    log(
      `database restart: PostgreSQL down ${databaseOutageMs} ms; app healthy ${recovery.healthMs} ms and first write ${recovery.writeMs} ms after it accepted connections`,
    );
    log(
      `database restart: ${writes.sent} writes, ${writes.acknowledged} acknowledged and all ${writes.acknowledgedStored} stored; ${writes.unacknowledgedStored} unacknowledged but stored; ${writes.halfWritten} half-written`,
    );
  }
  for (const round of appKill?.rounds ?? []) {
    log(
      `app kill round ${round.round}: ${round.sent} sent, ${round.inFlightAtKill} in flight (${round.openTransactionsAtKill} transactions open), ` +
        `${round.committedInFlight} of those committed, ${round.rolledBackInFlight} rolled back, ${round.partial} partial, ${round.lostAcknowledged} acknowledged lost`,
    );
  }
  for (const check of checks) console.log(`${check.passed ? "PASS" : "FAIL"}  [${check.scenario}] ${check.name}: ${check.detail}`);
  return checks.every((check) => check.passed);
}

await runChecks(main, cleanUp);
