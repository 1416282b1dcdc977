import { and, eq, lt } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { purgeDelegatePersonalData } from "@/db/queries/delegate-retention";
import { redactExpiredEmails } from "@/db/queries/outbox";
import { privacySettings } from "@/lib/privacy-settings";
import { deleteExpiredChallenges } from "@/db/queries/sign-in-challenges";
import { auditLog, emailOutbox, rateLimits, sessions, verificationTokens } from "@/db/schema";

export const HOUSEKEEPING = "housekeeping";
/** Daily at 03:15 UTC (pg-boss cron, one run across all instances). */
export const HOUSEKEEPING_CRON = "15 3 * * *";

/** Rate-limit windows are at most 15 minutes; a row untouched for a day counts nothing. */
const RATE_LIMIT_STALE_MS = 24 * 60 * 60 * 1000;
const SENT_NOTICE_KEPT_MS = 2 * 365 * 24 * 60 * 60 * 1000;

export type HousekeepingStep = (tx: Executor, now: Date) => Promise<number>;

/** Each step deletes what has outlived its use and returns how many rows it removed; others may add steps here. */
export const HOUSEKEEPING_STEPS: Record<string, HousekeepingStep> = {
  expiredSessions: async (tx, now) => (await tx.delete(sessions).where(lt(sessions.expires, now)).returning({ id: sessions.sessionToken })).length,
  expiredVerificationTokens: async (tx, now) =>
    (await tx.delete(verificationTokens).where(lt(verificationTokens.expires, now)).returning({ token: verificationTokens.token })).length,
  staleRateLimits: async (tx, now) =>
    (
      await tx
        .delete(rateLimits)
        .where(lt(rateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_STALE_MS)))
        .returning({ key: rateLimits.key })
    ).length,
  expiredSignInChallenges: (tx, now) => deleteExpiredChallenges(now, tx),
  redactedSignInMessages: (tx, now) => redactExpiredEmails(now, tx),
  delegatePersonalData: (tx, now) => purgeDelegatePersonalData(now, privacySettings().delegateDataRetentionDays, tx),
  oldSentNotices: async (tx, now) =>
    (
      await tx
        .delete(emailOutbox)
        .where(and(eq(emailOutbox.status, "sent"), lt(emailOutbox.sentAt, new Date(now.getTime() - SENT_NOTICE_KEPT_MS))))
        .returning({ id: emailOutbox.id })
    ).length,
};

/** One run, in one transaction with its audit row (action "housekeeping.run", with the counts). */
export async function runHousekeeping(now: Date): Promise<Record<string, number>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    for (const [name, step] of Object.entries(HOUSEKEEPING_STEPS)) counts[name] = await step(tx, now);
    await tx.insert(auditLog).values({ action: "housekeeping.run", data: counts });
    return counts;
  });
}
