import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { nominateDelegate } from "@/db/queries/delegates-own";
import { auditLog, delegates } from "@/db/schema";
import type { AccreditationCategory } from "@/lib/domain";
import { delegateFixtures } from "../support/delegate-fixtures";
import { race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const { meeting, accredited, person } = delegateFixtures(() => testDb().db);

const ATTEMPTS = 10;
const QUOTA: Record<AccreditationCategory, number> = { participant: 3, observer: 2 };
/** Round after round: each category with an empty quota, then a participant organization with two places already taken. */
const VARIANTS: { category: AccreditationCategory; taken: number }[] = [
  { category: "participant", taken: 0 },
  { category: "observer", taken: 0 },
  { category: "participant", taken: 2 },
];

let meetingId: string;

beforeAll(async () => {
  meetingId = await meeting({ participantQuota: QUOTA.participant, observerQuota: QUOTA.observer });
});

/** Every delegate row the organization has for the meeting, whatever its status. */
async function delegatesOf(organizationId: string) {
  return testDb()
    .db.select({ id: delegates.id, email: delegates.email, status: delegates.status })
    .from(delegates)
    .where(and(eq(delegates.organizationId, organizationId), eq(delegates.meetingId, meetingId)));
}

async function nominationAudits(delegateIds: string[]): Promise<number> {
  if (delegateIds.length === 0) return 0;
  const rows = await testDb()
    .db.select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.action, "delegate.nominate"), inArray(auditLog.targetId, delegateIds)));
  return rows.length;
}

async function allNominationAudits(): Promise<number> {
  const [row] = await testDb()
    .db.select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.action, "delegate.nominate"));
  return Number(row!.n);
}

describe("nominations past the quota, all at once", () => {
  it(
    `${ATTEMPTS} nominations at once fill exactly the places left, never more; the rest are refused as quota_full (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { category, taken } = VARIANTS[round % VARIANTS.length]!;
        const { organizationId, member } = await accredited({ category });
        for (let i = 0; i < taken; i++) await nominateDelegate(member, { organizationId, meetingId, ...person() });
        const left = QUOTA[category] - taken;
        const people = Array.from({ length: ATTEMPTS }, () => person());
        const auditsBefore = await allNominationAudits();

        const outcome = await race(people.map((details) => nominateDelegate(member, { organizationId, meetingId, ...details })));

        expect(outcome.won).toHaveLength(left);
        expect(refusals(outcome)).toEqual(Array(ATTEMPTS - left).fill("quota_full"));
        const rows = await delegatesOf(organizationId);
        expect(rows).toHaveLength(QUOTA[category]);
        expect(rows.every((row) => row.status === "nominated")).toBe(true);
        const winners = outcome.won.map(({ index }) => people[index]!.email);
        expect(rows.map((row) => row.email)).toEqual(expect.arrayContaining(winners));
        expect(await nominationAudits(outcome.won.map(({ value }) => value.delegateId))).toBe(left);
        expect(await allNominationAudits()).toBe(auditsBefore + left);
        return `${category}, ${taken} taken: ${left} of ${ATTEMPTS} through`;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `the same person nominated by two organizations at once: one nomination, the other refused as duplicate_email (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const organizations = [await accredited(), await accredited({ category: "observer" })];
        const email = `same-person-${randomUUID()}@example.org`;
        const spellings = [email, email.toUpperCase()];

        const outcome = await race(
          organizations.map(({ organizationId, member }, i) => nominateDelegate(member, { organizationId, meetingId, ...person({ email: spellings[i] }) })),
        );

        const { index, value } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["duplicate_email"]);
        expect(await delegatesOf(organizations[index]!.organizationId)).toEqual([{ id: value.delegateId, email, status: "nominated" }]);
        expect(await delegatesOf(organizations[1 - index]!.organizationId)).toEqual([]);
        expect(await nominationAudits([value.delegateId])).toBe(1);
        return `organization ${index + 1}`;
      });
    },
    RACE_TIMEOUT,
  );
});
