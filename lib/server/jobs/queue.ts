import PgBoss from "pg-boss";
import type { Database, Executor } from "@/db/client";
import { env } from "@/lib/env";
import { type BossDb, bossDb } from "./bridge";
import { HOUSEKEEPING } from "./housekeeping";
import { REMINDERS } from "./reminder-queue";

export const DELIVER_EMAIL = "email-deliver";

/** Delivery tries: now, then after about 30 s, 1 min, 2 min, … (pg-boss doubles the delay, with jitter). */
export function deliveryRetry() {
  const settings = env();
  return {
    retryLimit: settings.MAIL_RETRY_LIMIT,
    retryDelay: settings.MAIL_RETRY_DELAY_SECONDS,
    retryBackoff: true,
  };
}

export type DeliveryJob = { outboxId: string };

/** A pg-boss that is never started: it only writes jobs, through whichever executor it is given. */
function sender(db: BossDb): PgBoss {
  return new PgBoss({ db, supervise: false, schedule: false, migrate: false });
}

/** Queues the delivery of outbox rows, inside the caller's transaction when given one. */
export async function sendDeliveryJobs(executor: Executor, outboxIds: string[]): Promise<void> {
  if (outboxIds.length === 0) return;
  const db = bossDb(executor);
  const boss = sender(db);
  for (const outboxId of outboxIds) {
    const id = await boss.send(DELIVER_EMAIL, { outboxId } satisfies DeliveryJob, { db, ...deliveryRetry() });
    if (!id) throw new Error(`The job queue is not installed (no "${DELIVER_EMAIL}" queue): run the migrations.`);
  }
}

/**
 * Creates or upgrades pg-boss's own tables (schema "pgboss") and the portal's queues. Part of
 * migrating the database, so every process can queue jobs from its first request on.
 */
export async function installJobs(database: Database): Promise<void> {
  const boss = new PgBoss({ db: bossDb(database), supervise: false, schedule: false, migrate: true });
  await boss.start();
  if (!(await boss.getQueue(DELIVER_EMAIL))) {
    await boss.createQueue(DELIVER_EMAIL, { name: DELIVER_EMAIL, ...deliveryRetry() });
  }
  if (!(await boss.getQueue(HOUSEKEEPING))) {
    // "singleton": at most one run queued or running at a time.
    await boss.createQueue(HOUSEKEEPING, { name: HOUSEKEEPING, policy: "singleton" });
  }
  if (!(await boss.getQueue(REMINDERS))) {
    await boss.createQueue(REMINDERS, { name: REMINDERS, policy: "singleton" });
  }
  await boss.stop({ graceful: false, close: false, wait: true });
}
