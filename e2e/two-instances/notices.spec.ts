/**
 * Two app instances (each runs the job workers, as `next start` does) and `npm run worker` on one
 * PostgreSQL database: 200 notices queued at once are each delivered exactly once, counted at
 * the SMTP server. The worker process is started here, as an operator starts it in production.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { expect, test } from "@playwright/test";
import { PROXY_URL, SMTP_URL } from "../support/env";
import { mailsTo, readAllMail } from "../support/mail";

const NOTICES = 200;
const DOMAIN = "notices.two-instances.example.org";

type Worker = { process: ChildProcess; sent: Set<string>; output: string[] };

/** `npm run worker` in production mode, logging each delivery (its own process group, so it stops whole). */
async function startWorker(): Promise<Worker> {
  const child = spawn("npm", ["run", "worker"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_URL: PROXY_URL,
      SMTP_URL,
      LOG_LEVEL: "info",
      JOBS_POLL_SECONDS: "0.5",
    },
  });
  const worker: Worker = { process: child, sent: new Set(), output: [] };
  child.stderr!.on("data", (chunk: Buffer) => worker.output.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const running = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`npm run worker stopped (${code}): ${worker.output.join("")}`)));
    lines.on("line", (line) => {
      worker.output.push(line);
      if (line.includes("[worker] running")) resolve();
      if (!line.startsWith("{")) return;
      const entry = JSON.parse(line) as { event?: string; outcome?: string; outboxId?: string };
      if (entry.event === "job.run" && entry.outcome === "sent" && entry.outboxId) worker.sent.add(entry.outboxId);
    });
  });
  await Promise.race([
    running,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`npm run worker did not start: ${worker.output.join("")}`)), 90_000)),
  ]);
  return worker;
}

async function stopWorker(worker: Worker): Promise<void> {
  if (worker.process.exitCode !== null || !worker.process.pid) return;
  const exited = new Promise((resolve) => worker.process.once("exit", resolve));
  process.kill(-worker.process.pid, "SIGTERM");
  await exited;
}

test("two instances and npm run worker deliver each of 200 notices exactly once", async () => {
  test.setTimeout(300_000);
  const worker = await startWorker();
  try {
    const prefix = `notice-${randomUUID()}`;
    const queue = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/support/queue-notices.ts"], {
      encoding: "utf8",
      env: { ...process.env, NOTICE_COUNT: String(NOTICES), NOTICE_PREFIX: prefix, NOTICE_DOMAIN: DOMAIN },
    });
    expect(queue.stdout.trim(), queue.stderr).toBe(`queued ${NOTICES}`);

    const ours = () => readAllMail().filter((mail) => mail.to.some((address) => address.startsWith(`${prefix}-`)));
    await expect.poll(() => ours().length, { timeout: 180_000, intervals: [500] }).toBeGreaterThanOrEqual(NOTICES);
    // A moment more, so a second delivery of any of them would arrive too.
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    for (let index = 0; index < NOTICES; index++) expect(mailsTo(`${prefix}-${index}@${DOMAIN}`), `notice ${index}`).toHaveLength(1);
    expect(ours()).toHaveLength(NOTICES);
    // The worker took its share while the instances took the rest (the split changes from run to run).
    expect(worker.sent.size).toBeGreaterThan(0);
    test.info().annotations.push({
      type: "figures",
      description: `npm run worker delivered ${worker.sent.size} of ${NOTICES}; the two instances ${NOTICES - worker.sent.size}`,
    });
  } finally {
    await stopWorker(worker);
  }
});
