/**
 * A throwaway PostgreSQL cluster the fault scenarios may stop and restart: initdb into a temporary
 * directory, pg_ctl on its own port, deleted at the end. Never the shared server. PostgreSQL
 * refuses to run as root, so as root its programs run as the `postgres` user.
 */
import { spawn, spawnSync } from "node:child_process";
import { chownSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

export type ThrowawayCluster = {
  port: number;
  version: string;
  url: (database: string) => string;
  start: () => Promise<void>;
  /** `pg_ctl stop -m fast`: open transactions are rolled back, committed ones are kept. */
  stop: () => Promise<void>;
  /** Resolves once a new connection to the cluster can run a query. */
  waitUntilAccepting: (timeoutMs?: number) => Promise<void>;
  destroy: () => Promise<void>;
};

function postgresBin(): { dir: string; version: string } {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const version = process.env.RELIABILITY_PG_VERSION ?? versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!version || !existsSync(path.join(root, version, "bin", "initdb"))) {
    throw new Error(`No PostgreSQL server binaries under ${root} (apt-get install postgresql).`);
  }
  return { dir: path.join(root, version, "bin"), version };
}

function postgresUserIds(): { uid: number; gid: number } {
  const line = spawnSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).stdout.trim();
  const [, , uid, gid] = line.split(":");
  if (!uid || !gid) throw new Error("Running as root needs a `postgres` user to run the cluster as.");
  return { uid: Number(uid), gid: Number(gid) };
}

/** Asynchronous, so the load generator in this process keeps running (and timing) meanwhile. */
function runProgram(command: string, args: string[], asRoot: boolean): Promise<void> {
  const [program, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(program, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (${code}):\n${output}`))));
  });
}

export async function createCluster(port: number, log: (line: string) => void = () => {}): Promise<ThrowawayCluster> {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), "csm-faults-pg-"));
  const dataDir = path.join(dir, "data");
  if (asRoot) {
    const { uid, gid } = postgresUserIds();
    chownSync(dir, uid, gid);
  }
  const run = (program: string, args: string[]) => runProgram(path.join(bin.dir, program), args, asRoot);
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let running = false;
  const keptLog = path.join(os.tmpdir(), `csm-faults-postgres-${process.pid}.log`);

  await run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const cluster: ThrowawayCluster = {
    port,
    version: bin.version,
    url,
    start: async () => {
      running = true;
      await run("pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
    },
    stop: async () => {
      await run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
      running = false;
    },
    waitUntilAccepting: async (timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const sql = postgres(url("postgres"), { max: 1, connect_timeout: 1, onnotice: () => {} });
        try {
          await sql`select 1`;
          return;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        } finally {
          await sql.end({ timeout: 1 }).catch(() => {});
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    destroy: async () => {
      try {
        if (running) await run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } catch (error) {
        log(`could not stop the throwaway cluster: ${error instanceof Error ? error.message : String(error)}`);
      }
      running = false;
      const serverLog = path.join(dir, "server.log");
      if (existsSync(serverLog)) {
        copyFileSync(serverLog, keptLog);
        log(`PostgreSQL's log: ${keptLog}`);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  log(`throwaway PostgreSQL ${bin.version} cluster in ${dir}, port ${port}`);
  return cluster;
}
