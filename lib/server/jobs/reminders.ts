import { getDb } from "@/db/client";
import { queueDraftReminders, queueInfoRequestReminders, queueNominationReminders, queueReviewerDigests } from "@/db/queries/reminders";
import { closeDueConsultations, queueConsultationReminders } from "@/db/queries/consultations";
import { auditLog } from "@/db/schema";
import type { Executor } from "@/db/client";

export { REMINDERS, REMINDERS_CRON } from "./reminder-queue";

export type ReminderStep = (tx: Executor, now: Date) => Promise<number>;

export const REMINDER_STEPS: Record<string, ReminderStep> = {
  drafts: queueDraftReminders,
  infoRequests: queueInfoRequestReminders,
  nominations: queueNominationReminders,
  reviewerDigests: queueReviewerDigests,
  consultationReminders: queueConsultationReminders,
  consultationsClosed: closeDueConsultations,
};

/**
 * One run in one transaction: every reminder due at `now` is queued unless it was queued before
 * (the outbox's idempotency key). An audit row "reminders.run" with the counts is written only
 * when the run queued something, so the hourly runs that find nothing leave the log readable.
 */
export async function runReminders(now: Date): Promise<Record<string, number>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    for (const [name, step] of Object.entries(REMINDER_STEPS)) counts[name] = await step(tx, now);
    if (Object.values(counts).some((count) => count > 0)) await tx.insert(auditLog).values({ action: "reminders.run", data: counts });
    return counts;
  });
}
