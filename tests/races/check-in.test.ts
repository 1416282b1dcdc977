import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { recordArrival } from "@/db/queries/attendance";
import { reissueCredential } from "@/db/queries/delegate-credentials";
import { nominateDelegate } from "@/db/queries/delegates-own";
import { decideDelegate } from "@/db/queries/delegates-staff";
import { attendance, delegateCredentials, meetings } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { dayOf } from "@/lib/meeting-schema";
import { signedBadgeToken } from "@/lib/server/credential-token";
import { delegateFixtures } from "../support/delegate-fixtures";
import { factories } from "../support/factories";
import { alternate, race, RACE_REPEAT, RACE_TIMEOUT, repeat, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);
const { meeting, accredited, person } = delegateFixtures(() => testDb().db);
const DAY = 24 * 60 * 60 * 1000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

let staff: [Actor, Actor];

beforeAll(async () => {
  staff = [await make.user("reviewer"), await make.user("admin")];
});

/** A confirmed delegate's signed badge (nominated while the meeting's nominations are open). */
async function confirmedBadge(meetingId: string) {
  const { organizationId, member } = await accredited();
  const { delegateId } = await nominateDelegate(member, { organizationId, meetingId, ...person() });
  await decideDelegate(staff[0], { delegateId, decision: "confirm" });
  const [credential] = await testDb()
    .db.select({ code: delegateCredentials.code })
    .from(delegateCredentials)
    .where(eq(delegateCredentials.delegateId, delegateId));
  return { delegateId, token: signedBadgeToken(credential!.code) };
}

/** Today is a day of the meeting: it runs from yesterday to tomorrow. */
async function underWay(meetingId: string) {
  await testDb()
    .db.update(meetings)
    .set({ startsOn: isoDay(-1), endsOn: isoDay(1) })
    .where(eq(meetings.id, meetingId));
}

/** A meeting under way today with `count` confirmed delegates' badges (nominated while its nominations were open). */
async function entranceOpen(count: number) {
  const meetingId = await meeting();
  const badges: { delegateId: string; token: string }[] = [];
  for (let i = 0; i < count; i++) badges.push(await confirmedBadge(meetingId));
  await underWay(meetingId);
  return { meetingId, day: dayOf(new Date()), badges };
}

async function arrivals(delegateId: string) {
  return testDb().db.select().from(attendance).where(eq(attendance.delegateId, delegateId));
}

describe("the entrance, with two phones", () => {
  it(
    `two phones scan one badge at the same moment: one arrival, one "already recorded" (×${RACE_REPEAT})`,
    async () => {
      const { meetingId, day, badges } = await entranceOpen(RACE_REPEAT);
      await repeat(RACE_REPEAT, async (round) => {
        const { delegateId, token } = badges[round]!;
        const outcome = await race(staff.map((actor) => recordArrival(actor, { meetingId, day, code: token })));
        expect(outcome.won.map(({ value }) => value.outcome).sort()).toEqual(["already", "arrived"]);
        expect(await arrivals(delegateId)).toHaveLength(1);
        return "one arrival";
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `a scan of a badge against staff replacing it: an arrival is recorded only when the old badge was still live (×${RACE_REPEAT})`,
    async () => {
      const { meetingId, day, badges } = await entranceOpen(RACE_REPEAT);
      await repeat(RACE_REPEAT, async (round) => {
        const { delegateId, token } = badges[round]!;
        const attempts = alternate(round, [
          { side: "scan", run: () => recordArrival(staff[1], { meetingId, day, code: token }) },
          { side: "reissue", run: () => reissueCredential(staff[0], { delegateId }) },
        ] as const);
        const outcome = await race<unknown>(attempts.map((attempt) => attempt.run()));
        expect(outcome.won).toHaveLength(2);
        const scan = outcome.won.find(({ index }) => attempts[index]!.side === "scan")!.value as { outcome: string };
        expect(["arrived", "revoked"]).toContain(scan.outcome);
        expect(await arrivals(delegateId)).toHaveLength(scan.outcome === "arrived" ? 1 : 0);
        return scan.outcome === "arrived" ? "scanned, then replaced" : "replaced first";
      });
    },
    RACE_TIMEOUT,
  );
});
