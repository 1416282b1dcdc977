import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Actor, assertCan } from "@/lib/actor";
import { type CheckInInput, type CheckInOutcome, checkInSchema, readScannedCode } from "@/lib/credentials";
import type { AccreditationCategory } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { dayOf } from "@/lib/meeting-schema";
import { meetingDays } from "@/lib/meeting-days";
import { isGenuineSignature } from "@/lib/server/credential-token";
import { getDb } from "../client";
import { accreditations, attendance, delegateCredentials, delegates, meetings, organizations } from "../schema";

export type CheckInMeeting = { id: string; number: string; city: string | null; hostCountry: string; startsOn: string | null; endsOn: string | null };

async function findMeeting(meetingId: string): Promise<CheckInMeeting | null> {
  if (!z.uuid().safeParse(meetingId).success) return null;
  const db = await getDb();
  const [meeting] = await db
    .select({
      id: meetings.id,
      number: meetings.number,
      city: meetings.city,
      hostCountry: meetings.hostCountry,
      startsOn: meetings.startsOn,
      endsOn: meetings.endsOn,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  return meeting ?? null;
}

/** The meeting's days up to today: an arrival is recorded for one of them, never for a day to come. */
const checkInDays = (startsOn: string | null, endsOn: string | null) => {
  const today = dayOf(new Date());
  return meetingDays(startsOn, endsOn).filter((day) => day <= today);
};

/** The meeting and the days an arrival may be recorded for. */
export async function checkInMeeting(actor: Actor | null, meetingId: string): Promise<{ meeting: CheckInMeeting; days: string[]; today: string } | null> {
  assertCan(actor, "attendance:record");
  const meeting = await findMeeting(meetingId);
  if (!meeting) return null;
  return { meeting, days: checkInDays(meeting.startsOn, meeting.endsOn), today: dayOf(new Date()) };
}

export type BadgeHolder = { name: string; organization: string; country: string | null; category: AccreditationCategory | null; nationality: string | null };
export type CheckInResult = { outcome: CheckInOutcome; holder?: BadgeHolder; organizationId?: string; arrivedAt?: Date; otherMeeting?: string };

/**
 * Reads a badge at the entrance and records the holder's arrival for `day`. The delegate's row is
 * read under a share lock, so a withdrawal cannot slip between the checks and the record; the unique
 * (delegate, day) index makes two phones scanning one badge at once record one arrival.
 */
export async function recordArrival(actor: Actor | null, input: CheckInInput): Promise<CheckInResult> {
  assertCan(actor, "attendance:record");
  const parsed = checkInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { meetingId, day } = parsed.data;
  const scanned = readScannedCode(parsed.data.code)!;
  if (scanned.signature !== null && !isGenuineSignature(scanned.code, scanned.signature)) return { outcome: "forged" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [badge] = await tx
      .select({
        delegateId: delegates.id,
        meetingId: delegates.meetingId,
        organizationId: delegates.organizationId,
        status: delegates.status,
        revokedAt: delegateCredentials.revokedAt,
        meetingNumber: meetings.number,
        startsOn: meetings.startsOn,
        endsOn: meetings.endsOn,
        holder: {
          name: delegates.name,
          organization: organizations.legalName,
          country: organizations.country,
          category: accreditations.category,
          nationality: delegates.nationality,
        },
      })
      .from(delegateCredentials)
      .innerJoin(delegates, eq(delegates.id, delegateCredentials.delegateId))
      .innerJoin(meetings, eq(meetings.id, delegates.meetingId))
      .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
      .leftJoin(accreditations, eq(accreditations.organizationId, delegates.organizationId))
      .where(eq(delegateCredentials.code, scanned.code))
      .for("share", { of: delegates });
    if (!badge) return { outcome: "unknown" };
    const holder = badge.holder;
    if (badge.meetingId !== meetingId) return { outcome: "other_meeting", holder, otherMeeting: badge.meetingNumber };
    if (badge.status === "withdrawn") return { outcome: "withdrawn", holder };
    if (badge.status !== "confirmed") return { outcome: "not_confirmed", holder };
    if (badge.revokedAt) return { outcome: "revoked", holder };
    if (!checkInDays(badge.startsOn, badge.endsOn).includes(day)) return { outcome: "not_meeting_day", holder };
    const [arrival] = await tx
      .insert(attendance)
      .values({ meetingId, delegateId: badge.delegateId, organizationId: badge.organizationId, day, recordedById: actor.id })
      .onConflictDoNothing({ target: [attendance.delegateId, attendance.day] })
      .returning({ arrivedAt: attendance.arrivedAt });
    if (arrival) return { outcome: "arrived", holder, organizationId: badge.organizationId, arrivedAt: arrival.arrivedAt };
    const [earlier] = await tx
      .select({ arrivedAt: attendance.arrivedAt })
      .from(attendance)
      .where(and(eq(attendance.delegateId, badge.delegateId), eq(attendance.day, day)));
    return { outcome: "already", holder, arrivedAt: earlier?.arrivedAt };
  });
}

export type AttendanceFigures = {
  meeting: CheckInMeeting;
  /** Distinct people who came on at least one day. */
  people: number;
  confirmed: number;
  byDay: { day: string; count: number }[];
  byCountry: { country: string | null; count: number }[];
  byCategory: { category: AccreditationCategory | null; count: number }[];
};

/** A meeting's attendance in figures: by day, by the organization's country and by its category. */
export async function meetingAttendance(actor: Actor | null, meetingId: string): Promise<AttendanceFigures | null> {
  assertCan(actor, "attendance:read");
  const meeting = await findMeeting(meetingId);
  if (!meeting) return null;
  const db = await getDb();
  const people = sql<number>`count(distinct ${attendance.delegateId})::int`;
  const [[totals], [confirmed], byDay, byCountry, byCategory] = await Promise.all([
    db.select({ people }).from(attendance).where(eq(attendance.meetingId, meetingId)),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(delegates)
      .where(and(eq(delegates.meetingId, meetingId), eq(delegates.status, "confirmed"))),
    db
      .select({ day: attendance.day, count: people })
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId))
      .groupBy(attendance.day)
      .orderBy(asc(attendance.day)),
    db
      .select({ country: organizations.country, count: people })
      .from(attendance)
      .innerJoin(organizations, eq(organizations.id, attendance.organizationId))
      .where(eq(attendance.meetingId, meetingId))
      .groupBy(organizations.country)
      .orderBy(sql`count(distinct ${attendance.delegateId}) desc`, asc(organizations.country)),
    db
      .select({ category: accreditations.category, count: people })
      .from(attendance)
      .leftJoin(accreditations, eq(accreditations.organizationId, attendance.organizationId))
      .where(eq(attendance.meetingId, meetingId))
      .groupBy(accreditations.category)
      .orderBy(asc(accreditations.category)),
  ]);
  return {
    meeting,
    people: Number(totals?.people ?? 0),
    confirmed: Number(confirmed?.count ?? 0),
    byDay: byDay.map((row) => ({ day: row.day, count: Number(row.count) })),
    byCountry: byCountry.map((row) => ({ country: row.country, count: Number(row.count) })),
    byCategory: byCategory.map((row) => ({ category: row.category, count: Number(row.count) })),
  };
}

export type AttendanceRow = {
  day: string;
  arrivedAt: Date;
  name: string;
  organization: string;
  country: string | null;
  category: AccreditationCategory | null;
};

/** Every recorded arrival of a meeting, for the CSV. */
export async function attendanceRows(actor: Actor | null, meetingId: string): Promise<{ meeting: CheckInMeeting; rows: AttendanceRow[] } | null> {
  assertCan(actor, "attendance:read");
  assertCan(actor, "export:read");
  const meeting = await findMeeting(meetingId);
  if (!meeting) return null;
  const db = await getDb();
  const rows = await db
    .select({
      day: attendance.day,
      arrivedAt: attendance.arrivedAt,
      name: delegates.name,
      organization: organizations.legalName,
      country: organizations.country,
      category: accreditations.category,
    })
    .from(attendance)
    .innerJoin(delegates, eq(delegates.id, attendance.delegateId))
    .innerJoin(organizations, eq(organizations.id, attendance.organizationId))
    .leftJoin(accreditations, eq(accreditations.organizationId, attendance.organizationId))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(attendance.day), asc(attendance.arrivedAt));
  return { meeting, rows };
}
