import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { dayListText, REMINDER_FORM_FIELDS, type ReminderSchedule, reminderScheduleSchema } from "@/lib/reminder-schedule";
import { getDb } from "../client";
import { meetings } from "../schema";
import { recordAudit } from "./audit";
import { isUuid } from "./own-application-access";

export type ReminderScheduleForEdit = ReminderSchedule & {
  /** The form's text for each field. */
  values: Record<(typeof REMINDER_FORM_FIELDS)[number], string>;
  /** The meeting's version the form is filled from (the meeting form uses the same). */
  version: string;
};

const versionColumn = sql<string>`to_char(${meetings.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const scheduleColumns = {
  draftReminderDays: meetings.draftReminderDays,
  infoRequestReminderDays: meetings.infoRequestReminderDays,
  nominationReminderDays: meetings.nominationReminderDays,
  reviewerReminderDays: meetings.reviewerReminderDays,
};

/** As the audit log and the form show a schedule: lists of days as "7, 1". */
function asText(schedule: ReminderSchedule): Record<(typeof REMINDER_FORM_FIELDS)[number], string> {
  return {
    draftReminderDays: dayListText(schedule.draftReminderDays),
    infoRequestReminderDays: String(schedule.infoRequestReminderDays),
    nominationReminderDays: dayListText(schedule.nominationReminderDays),
    reviewerReminderDays: String(schedule.reviewerReminderDays),
  };
}

/** A meeting's reminder schedule; null for an unknown meeting. Staff may read it, admins change it. */
export async function getReminderSchedule(actor: Actor | null, meetingId: string): Promise<ReminderScheduleForEdit | null> {
  assertCan(actor, "secretariat:access");
  if (!isUuid(meetingId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ ...scheduleColumns, version: versionColumn })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!row) return null;
  return { ...row, values: asText(row) };
}

/**
 * Saves a meeting's reminder schedule, only if nobody changed the meeting since `version`
 * (a stale form gets `conflict`), with an audit row of the values before and after.
 */
export async function updateReminderSchedule(actor: Actor | null, meetingId: string, version: string, input: unknown): Promise<void> {
  assertCan(actor, "meeting:manage");
  if (!isUuid(meetingId)) throw new AppError("not_found", `meeting ${meetingId}`);
  const parsed = reminderScheduleSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "reminder schedule");
  const schedule = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select(scheduleColumns).from(meetings).where(eq(meetings.id, meetingId)).for("update");
    if (!before) throw new AppError("not_found", `meeting ${meetingId}`);
    const [updated] = await tx
      .update(meetings)
      .set({ ...schedule, updatedAt: new Date() })
      .where(and(eq(meetings.id, meetingId), sql`${versionColumn} = ${version}`))
      .returning({ id: meetings.id });
    if (!updated) throw new AppError("conflict", `meeting ${meetingId} changed since ${version}`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meeting.reminders_update",
      targetType: "meeting",
      targetId: meetingId,
      data: { old: asText(before), new: asText(schedule) },
    });
  });
}
