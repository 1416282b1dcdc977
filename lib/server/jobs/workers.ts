import PgBoss from "pg-boss";
import { type Database, getDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { errorFields, logger } from "@/lib/logger";
import { bossDb } from "./bridge";
import { deliverOutboxMessage } from "./delivery";
import { HOUSEKEEPING, HOUSEKEEPING_CRON, runHousekeeping } from "./housekeeping";
import { DELIVER_EMAIL, type DeliveryJob } from "./queue";
import { REMINDERS, REMINDERS_CRON, runReminders } from "./reminders";

const globalForJobs = globalThis as unknown as { csmWorkers?: Promise<PgBoss> };

type FetchedDelivery = PgBoss.JobWithMetadata<DeliveryJob>;

/** How often an idle worker looks for jobs (seconds; pg-boss's minimum is 0.5). */
function pollingIntervalSeconds(): number {
  return env().JOBS_POLL_SECONDS;
}

/** Delivers fetched jobs one by one; a failed one goes back to the queue for a later try. */
async function handleDeliveries(boss: PgBoss, jobs: FetchedDelivery[]): Promise<void> {
  for (const job of jobs) {
    const run = { event: "job.run", job: DELIVER_EMAIL, jobId: job.id, outboxId: job.data.outboxId, retryCount: job.retryCount };
    try {
      const outcome = await deliverOutboxMessage(job.data.outboxId, { retryCount: job.retryCount, retryLimit: job.retryLimit });
      await boss.complete(DELIVER_EMAIL, job.id);
      logger().info({ ...run, outcome }, "job.run");
    } catch (error) {
      await boss.fail(DELIVER_EMAIL, job.id, { message: error instanceof Error ? error.message : String(error) });
      const dead = job.retryCount >= job.retryLimit;
      logger().warn({ ...run, outcome: dead ? "dead" : "failed", ...errorFields(error) }, "job.run");
    }
  }
}

/** A pg-boss on `database` that runs maintenance and schedules but no workers until asked. */
export async function openBoss(database: Database): Promise<PgBoss> {
  const boss = new PgBoss({ db: bossDb(database), migrate: false });
  boss.on("error", (error) => logger().error({ event: "jobs.error", ...errorFields(error) }, "jobs.error"));
  await boss.start();
  return boss;
}

/** Delivers every delivery job that is due now, then returns how many it handled (tests and scripts). */
export async function drainDeliveries(boss: PgBoss): Promise<number> {
  let handled = 0;
  for (;;) {
    const jobs = await boss.fetch<DeliveryJob>(DELIVER_EMAIL, { batchSize: 10, includeMetadata: true });
    if (!jobs || jobs.length === 0) return handled;
    await handleDeliveries(boss, jobs);
    handled += jobs.length;
  }
}

async function start(): Promise<PgBoss> {
  const { db } = await getDatabase();
  const boss = await openBoss(db);
  await boss.work<DeliveryJob>(DELIVER_EMAIL, { includeMetadata: true, batchSize: 5, pollingIntervalSeconds: pollingIntervalSeconds() }, (jobs) =>
    handleDeliveries(boss, jobs),
  );
  await boss.schedule(HOUSEKEEPING, HOUSEKEEPING_CRON, {}, { tz: "UTC" });
  await boss.work(HOUSEKEEPING, { pollingIntervalSeconds: 60 }, async ([job]) => {
    const run = { event: "job.run", job: HOUSEKEEPING, jobId: job?.id };
    try {
      const counts = await runHousekeeping(new Date());
      logger().info({ ...run, outcome: "done", counts }, "job.run");
    } catch (error) {
      logger().error({ ...run, outcome: "failed", ...errorFields(error) }, "job.run");
      throw error;
    }
  });
  await boss.schedule(REMINDERS, REMINDERS_CRON, {}, { tz: "UTC" });
  await boss.work(REMINDERS, { pollingIntervalSeconds: 60 }, async ([job]) => {
    const run = { event: "job.run", job: REMINDERS, jobId: job?.id };
    try {
      const counts = await runReminders(new Date());
      logger().info({ ...run, outcome: "done", counts }, "job.run");
    } catch (error) {
      logger().error({ ...run, outcome: "failed", ...errorFields(error) }, "job.run");
      throw error;
    }
  });
  return boss;
}

/**
 * Starts this process's workers once. pg-boss hands each job to one worker at a time
 * (SELECT … FOR UPDATE SKIP LOCKED), so app instances and `npm run worker` can all run them.
 */
export function startWorkers(): Promise<PgBoss> {
  globalForJobs.csmWorkers ??= start();
  return globalForJobs.csmWorkers;
}

export async function stopWorkers(): Promise<void> {
  const running = globalForJobs.csmWorkers;
  globalForJobs.csmWorkers = undefined;
  if (running) await (await running).stop({ graceful: true, close: false, wait: true, timeout: 5000 });
}
