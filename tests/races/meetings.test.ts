import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createMeeting, MeetingConflictError } from "@/db/queries/meetings";
import { auditLog, meetings } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { factories } from "../support/factories";
import { alternate, race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";
import { editionFields } from "../support/meeting-fixtures";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);

const edition = (overrides: Record<string, string | number> = {}) => editionFields({ number: "XL", ...overrides });

let admins: [Actor, Actor];

beforeAll(async () => {
  admins = [await make.user("admin"), await make.user("admin")];
});

/** Every round starts with no edition: the window rule is about all editions at once. */
async function noMeetings(): Promise<void> {
  const { db } = testDb();
  await db.delete(meetings);
  await db.delete(auditLog);
}

/** The editions that exist and the creations audited. */
async function meetingsAndAudit() {
  const { db } = testDb();
  const rows = await db.select({ id: meetings.id, number: meetings.number }).from(meetings);
  const audit = await db.select({ targetId: auditLog.targetId }).from(auditLog).where(eq(auditLog.action, "meeting.create"));
  return { meetings: rows, audited: audit.map((row) => row.targetId) };
}

describe("two admins creating editions at once", () => {
  it(
    `overlapping application windows: one edition is created, the other refused as windowOverlap naming it (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        await noMeetings();
        const editions = alternate(round, [
          edition({ number: "XL" }),
          edition({ number: "XLI", startsOn: "2032-11-10", endsOn: "2032-11-11", applicationOpensOn: "2031-05-01", applicationClosesOn: "2031-09-01" }),
        ]);

        const outcome = await race(editions.map((values, i) => createMeeting(admins[i]!, values)));

        const { index, value } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["windowOverlap"]);
        const number = editions[index]!.number;
        expect((outcome.lost[0]!.reason as MeetingConflictError).other).toBe(number);
        expect(await meetingsAndAudit()).toEqual({ meetings: [{ id: value.id, number }], audited: [value.id] });
        return number;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `the same number with separate windows: one edition is created, the other refused as numberTaken (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        await noMeetings();
        const editions = [
          edition({ number: "XLII" }),
          edition({
            number: "xlii",
            startsOn: "2032-11-10",
            endsOn: "2032-11-11",
            applicationOpensOn: "2032-03-01",
            applicationClosesOn: "2032-06-30",
            nominationDeadlineOn: "2032-10-01",
          }),
        ];

        const outcome = await race(editions.map((values, i) => createMeeting(admins[i]!, values)));

        const { index, value } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["numberTaken"]);
        expect(await meetingsAndAudit()).toEqual({ meetings: [{ id: value.id, number: "XLII" }], audited: [value.id] });
        return `admin ${index + 1}`;
      });
    },
    RACE_TIMEOUT,
  );
});
