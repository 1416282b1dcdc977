import { z } from "zod";

const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_REMINDER_DAYS = 90;
const MAX_REMINDERS_PER_DEADLINE = 5;

/** A meeting's reminder schedule: days before its deadlines, days an answer or a review may wait. */
export type ReminderSchedule = {
  draftReminderDays: number[];
  infoRequestReminderDays: number;
  nominationReminderDays: number[];
  reviewerReminderDays: number;
};

/** What a meeting gets unless an admin changes it (the database defaults, drizzle/0011). */
export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = {
  draftReminderDays: [7, 1],
  infoRequestReminderDays: 7,
  nominationReminderDays: [5],
  reviewerReminderDays: 5,
};

export const REMINDER_FORM_FIELDS = ["draftReminderDays", "infoRequestReminderDays", "nominationReminderDays", "reviewerReminderDays"] as const;

/** The data layer is handed what the action parsed (numbers), the action what was typed (text): both read the same. */
const asTyped = (value: unknown) => (Array.isArray(value) ? value.join(", ") : typeof value === "number" ? String(value) : value);

/** "7, 1" as typed: whole days from 1 to 90, separated by commas or spaces; blank means no reminder. */
const typedDayList = z
  .string({ error: "ReminderValidation.dayList" })
  .trim()
  .max(40, { error: "ReminderValidation.dayList" })
  .regex(/^(\d{1,2}([\s,]+\d{1,2})*)?$/, { error: "ReminderValidation.dayList" })
  .transform((text) => (text === "" ? [] : text.split(/[\s,]+/).map(Number)))
  .refine((days) => days.every((day) => day >= 1 && day <= MAX_REMINDER_DAYS), { error: "ReminderValidation.dayList" })
  .refine((days) => new Set(days).size === days.length, { error: "ReminderValidation.repeated" })
  .refine((days) => days.length <= MAX_REMINDERS_PER_DEADLINE, { error: "ReminderValidation.tooMany" })
  .transform((days) => days.sort((a, b) => b - a));
const dayList = z.preprocess(asTyped, typedDayList);

const typedWaitingDays = z
  .string({ error: "ReminderValidation.days" })
  .trim()
  .regex(/^\d{1,2}$/, { error: "ReminderValidation.days" })
  .pipe(z.coerce.number<string>().int().min(1, { error: "ReminderValidation.days" }).max(MAX_REMINDER_DAYS, { error: "ReminderValidation.days" }));
const waitingDays = z.preprocess(asTyped, typedWaitingDays);

export const reminderScheduleSchema = z.object({
  draftReminderDays: dayList,
  infoRequestReminderDays: waitingDays,
  nominationReminderDays: dayList,
  reviewerReminderDays: waitingDays,
});

/** The meeting page's form: the schedule, the meeting and the version the form was filled from. */
export const reminderScheduleEditSchema = reminderScheduleSchema.extend({
  meetingId: z.uuid({ error: "invalid" }),
  version: z.string().min(1).max(40),
});

/** The form's text for a list of days. */
export const dayListText = (days: number[]) => days.join(", ");

/**
 * The reminder due now before `deadline`: the fewest days before it whose moment has come, so
 * a run that was late (or a schedule changed late) sends the nearest reminder, not every
 * earlier one at once. Null when none is due or the deadline has passed.
 */
export function dueDaysBefore(deadline: Date, days: readonly number[], now: Date): number | null {
  if (now >= deadline) return null;
  const due = days.filter((day) => deadline.getTime() - day * DAY_MS <= now.getTime());
  return due.length === 0 ? null : Math.min(...due);
}

/** The instant `days` before `now`. */
export const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** The ISO week of an instant ("2026-W49", in UTC): a reviewer's digest is sent once per week. */
export function isoWeek(instant: Date): string {
  const day = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
