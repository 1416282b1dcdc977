import PgBoss from "pg-boss";
import { type Database, getDatabase } from "@/db/client";
import { bossDb } from "./bridge";
import { deliverOutboxMessage } from "./delivery";
import { HOUSEKEEPING, HOUSEKEEPING_CRON, runHousekeeping } from "./housekeeping";
import { DELIVER_EMAIL, type DeliveryJob } from "./queue";

const globalForJobs = globalThis as unknown as { csmWorkers?: Promise<PgBoss> };

type FetchedDelivery = PgBoss.JobWithMetadata<DeliveryJob>;

/** How often an idle worker looks for jobs (seconds; pg-boss's minimum is 0.5). */
function pollingIntervalSeconds(): number {
  return Math.max(0.5, Number(process.env.JOBS_POLL_SECONDS ?? 1));
}

/** Delivers fetched jobs one by one; a failed one goes back to the queue for a later try. */
async function handleDeliveries(boss: PgBoss, jobs: FetchedDelivery[]): Promise<void> {
  for (const job of jobs) {
    try {
      await deliverOutboxMessage(job.data.outboxId, { retryCount: job.retryCount, retryLimit: job.retryLimit });
      await boss.complete(DELIVER_EMAIL, job.id);
    } catch (error) {
      await boss.fail(DELIVER_EMAIL, job.id, { message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** A pg-boss on `database` that runs maintenance and schedules but no workers until asked. */
export async function openBoss(database: Database): Promise<PgBoss> {
  const boss = new PgBoss({ db: bossDb(database), migrate: false });
  boss.on("error", (error) => console.error("[jobs]", error));
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
  await boss.work<DeliveryJob>(
    DELIVER_EMAIL,
    { includeMetadata: true, batchSize: 5, pollingIntervalSeconds: pollingIntervalSeconds() },
    (jobs) => handleDeliveries(boss, jobs),
  );
  await boss.schedule(HOUSEKEEPING, HOUSEKEEPING_CRON, {}, { tz: "UTC" });
  await boss.work(HOUSEKEEPING, { pollingIntervalSeconds: 60 }, async () => {
    const counts = await runHousekeeping(new Date());
    console.log("[jobs] housekeeping", counts);
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
