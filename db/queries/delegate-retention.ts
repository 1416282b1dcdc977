import "server-only";
import { and, isNotNull, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "../client";
import { delegates } from "../schema";
import { recordAudit } from "./audit";

/**
 * Deletes delegates' nationality and accessibility needs once `retentionDays` have passed since
 * their meeting ended (its start date when no end is set; never for a meeting with no dates).
 * Run by the daily housekeeping job inside its transaction (`executor`), else in one of its own;
 * safe to repeat. Returns how many delegates were cleared.
 */
export async function purgeDelegatePersonalData(now: Date, retentionDays: number, executor?: Executor): Promise<number> {
  if (!Number.isInteger(retentionDays) || retentionDays < 0) throw new RangeError(`retentionDays must be a whole number of days, not ${retentionDays}`);
  if (executor) return purgeIn(executor, now, retentionDays);
  const db = await getDb();
  return db.transaction((tx) => purgeIn(tx, now, retentionDays));
}

async function purgeIn(tx: Executor, now: Date, retentionDays: number): Promise<number> {
  const cleared = await tx
    .update(delegates)
    .set({ nationality: null, accessibilityNeeds: null, updatedAt: now })
    .where(
      and(
        or(isNotNull(delegates.nationality), isNotNull(delegates.accessibilityNeeds)),
        sql`${delegates.meetingId} in (
          select id from meetings
          where coalesce(ends_on, starts_on) is not null
            and coalesce(ends_on, starts_on) + ${retentionDays}::int < (${now.toISOString()}::timestamptz at time zone 'UTC')::date
        )`,
      ),
    )
    .returning({ id: delegates.id });
  if (cleared.length > 0) {
    await recordAudit(tx, {
      actorId: null,
      action: "privacy.delegate_data_purged",
      targetType: "delegate",
      data: { delegates: cleared.length, retentionDays },
    });
  }
  return cleared.length;
}
