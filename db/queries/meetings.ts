import "server-only";
import { and, desc, eq, gte, isNotNull, lte, ne, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import type { CountryCode } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { dayOf, endOfDay, type MeetingInput, meetingSchema, startOfDay } from "@/lib/meeting-schema";
import { getDb, type Transaction } from "../client";
import { meetings } from "../schema";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./organization-profile";
import { isUuid } from "./own-application-access";

export type WindowState = "open" | "upcoming" | "closed" | "none";

export type MeetingSummary = {
  id: string;
  number: string;
  hostCountry: CountryCode;
  city: string | null;
  startsOn: string | null;
  endsOn: string | null;
  applicationOpensAt: Date | null;
  applicationClosesAt: Date | null;
  nominationDeadline: Date | null;
  participantQuota: number;
  observerQuota: number;
  consultationDays: number;
  objectionThreshold: number | null;
  windowState: WindowState;
};

/** A meeting as its edit form shows it: days in the portal's time zone, and the version the edit is based on. */
export type MeetingForEdit = MeetingSummary & { values: Record<keyof MeetingInput, string>; version: string };

/** Refusals the form shows on the field to fix; `other` names the meeting in the way. */
export class MeetingConflictError extends AppError {
  constructor(
    readonly reason: "numberTaken" | "windowOverlap",
    readonly other: string | null = null,
  ) {
    super("conflict", reason);
    this.name = "MeetingConflictError";
  }
}

const columns = {
  id: meetings.id,
  number: meetings.number,
  hostCountry: meetings.hostCountry,
  city: meetings.city,
  startsOn: meetings.startsOn,
  endsOn: meetings.endsOn,
  applicationOpensAt: meetings.applicationOpensAt,
  applicationClosesAt: meetings.applicationClosesAt,
  nominationDeadline: meetings.nominationDeadline,
  participantQuota: meetings.participantQuota,
  observerQuota: meetings.observerQuota,
  consultationDays: meetings.consultationDays,
  objectionThreshold: meetings.objectionThreshold,
  version: sql<string>`to_char(${meetings.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
};
type Row = {
  id: string;
  number: string;
  hostCountry: string;
  city: string | null;
  startsOn: string | null;
  endsOn: string | null;
  applicationOpensAt: Date | null;
  applicationClosesAt: Date | null;
  nominationDeadline: Date | null;
  participantQuota: number;
  observerQuota: number;
  consultationDays: number;
  objectionThreshold: number | null;
  version: string;
};

function windowState(row: Pick<Row, "applicationOpensAt" | "applicationClosesAt">, now: Date): WindowState {
  if (!row.applicationOpensAt || !row.applicationClosesAt) return "none";
  if (now < row.applicationOpensAt) return "upcoming";
  return now <= row.applicationClosesAt ? "open" : "closed";
}

function toSummary({ version: _, ...row }: Row, now: Date): MeetingSummary {
  return { ...row, hostCountry: row.hostCountry as CountryCode, windowState: windowState(row, now) };
}

/** Every edition, newest first, with the state of its application window. */
export async function listMeetings(actor: Actor | null, now = new Date()): Promise<MeetingSummary[]> {
  assertCan(actor, "secretariat:access");
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(meetings)
    .orderBy(sql`${meetings.startsOn} desc nulls last`, desc(meetings.createdAt));
  return rows.map((row) => toSummary(row, now));
}

/** One edition with its form values; null for an unknown id. */
export async function getMeeting(actor: Actor | null, meetingId: string, now = new Date()): Promise<MeetingForEdit | null> {
  assertCan(actor, "secretariat:access");
  if (!isUuid(meetingId)) return null;
  const db = await getDb();
  const [row] = await db.select(columns).from(meetings).where(eq(meetings.id, meetingId));
  if (!row) return null;
  const day = (instant: Date | null) => (instant ? dayOf(instant) : "");
  return {
    ...toSummary(row, now),
    version: row.version,
    values: {
      number: row.number,
      hostCountry: row.hostCountry as CountryCode,
      city: row.city ?? "",
      startsOn: row.startsOn ?? "",
      endsOn: row.endsOn ?? "",
      applicationOpensOn: day(row.applicationOpensAt),
      applicationClosesOn: day(row.applicationClosesAt),
      nominationDeadlineOn: day(row.nominationDeadline),
      participantQuota: String(row.participantQuota),
      observerQuota: String(row.observerQuota),
      consultationDays: String(row.consultationDays),
      objectionThreshold: row.objectionThreshold === null ? "" : String(row.objectionThreshold),
    },
  };
}

function toColumns(input: MeetingInput) {
  return {
    number: input.number,
    hostCountry: input.hostCountry,
    city: input.city,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    applicationOpensAt: startOfDay(input.applicationOpensOn),
    applicationClosesAt: endOfDay(input.applicationClosesOn),
    nominationDeadline: endOfDay(input.nominationDeadlineOn),
    participantQuota: input.participantQuota,
    observerQuota: input.observerQuota,
    consultationDays: input.consultationDays,
    objectionThreshold: input.objectionThreshold,
  };
}

/**
 * At most one application window may be open at any moment. Every create and edit takes this
 * lock before looking for an overlapping window, so two admins saving at once are serialized
 * and the second one sees the first one's window.
 */
async function assertNoOverlappingWindow(tx: Transaction, values: ReturnType<typeof toColumns>, exceptId?: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(774203)`);
  const [clash] = await tx
    .select({ number: meetings.number })
    .from(meetings)
    .where(
      and(
        isNotNull(meetings.applicationOpensAt),
        lte(meetings.applicationOpensAt, values.applicationClosesAt),
        gte(meetings.applicationClosesAt, values.applicationOpensAt),
        exceptId ? ne(meetings.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw new MeetingConflictError("windowOverlap", clash.number);
}

function parse(input: unknown): MeetingInput {
  const parsed = meetingSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "meeting");
  return parsed.data;
}

async function guardNumber<T>(number: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "meetings_number_key")) throw new MeetingConflictError("numberTaken", number);
    throw error;
  }
}

/** A new edition; refused when its number exists or its window overlaps another's. */
export async function createMeeting(actor: Actor | null, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "meeting:manage");
  const meeting = parse(input);
  const values = toColumns(meeting);
  const db = await getDb();
  return guardNumber(meeting.number, () =>
    db.transaction(async (tx) => {
      await assertNoOverlappingWindow(tx, values);
      const [created] = await tx.insert(meetings).values(values).returning({ id: meetings.id });
      await recordAudit(tx, { actorId: actor.id, action: "meeting.create", targetType: "meeting", targetId: created!.id, data: { new: meeting } });
      return { id: created!.id };
    }),
  );
}

/**
 * Saves an edition's new values, only if nobody changed it since `version` (the edit form's
 * copy): a second admin's stale form gets `conflict` instead of silently undoing the first's edit.
 */
export async function updateMeeting(actor: Actor | null, meetingId: string, version: string, input: unknown): Promise<void> {
  assertCan(actor, "meeting:manage");
  if (!isUuid(meetingId)) throw new AppError("not_found", `meeting ${meetingId}`);
  const meeting = parse(input);
  const values = toColumns(meeting);
  const db = await getDb();
  await guardNumber(meeting.number, () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select(columns).from(meetings).where(eq(meetings.id, meetingId));
      if (!before) throw new AppError("not_found", `meeting ${meetingId}`);
      await assertNoOverlappingWindow(tx, values, meetingId);
      const [updated] = await tx
        .update(meetings)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(meetings.id, meetingId), sql`${columns.version} = ${version}`))
        .returning({ id: meetings.id });
      if (!updated) throw new AppError("conflict", `meeting ${meetingId} changed since ${version}`);
      const { version: _, ...old } = before;
      await recordAudit(tx, { actorId: actor.id, action: "meeting.update", targetType: "meeting", targetId: meetingId, data: { old, new: meeting } });
    }),
  );
}
