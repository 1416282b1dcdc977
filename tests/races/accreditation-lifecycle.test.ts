import { beforeAll, describe, expect, it } from "vitest";
import { reinstateAccreditation, revokeAccreditation, suspendAccreditation } from "@/db/queries/accreditation-lifecycle";
import type { Actor } from "@/lib/actor";
import { accreditationFixtures } from "../support/accreditation-fixtures";
import { factories } from "../support/factories";
import { race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);
const { accredited, stateOf } = accreditationFixtures(() => testDb().db);

let admins: [Actor, Actor];

beforeAll(async () => {
  admins = [await make.user("admin"), await make.user("admin")];
});

/** A fresh organization accredited by an admin's decision, with one member. */
async function accreditedWithMember(name: string) {
  const member = await make.user("applicant", { locale: "es" });
  const { organizationId } = await accredited(admins[0], name, "participant", [member]);
  return { organizationId, member };
}

type Attempt = { event: "suspended" | "revoked" | "reinstated"; reason: string; run: (admin: Actor) => Promise<unknown> };

/** Runs two admins' changes at once; exactly one is in the accreditation, its history, the audit and the member's mail. */
async function expectOneChange(organizationId: string, memberEmail: string, attempts: [Attempt, Attempt]): Promise<string> {
  const before = await stateOf(organizationId);
  const mailsBefore = (await make.mailTo(memberEmail)).length;

  const outcome = await race(attempts.map((attempt, i) => attempt.run(admins[i]!)));

  const { index } = soleWinner(outcome);
  expect(refusals(outcome)).toEqual(["conflict"]);
  const winner = attempts[index]!;
  const after = await stateOf(organizationId);
  const status = { suspended: "suspended", revoked: "revoked", reinstated: "active" }[winner.event];
  expect(after.row).toMatchObject({ status, reason: winner.event === "reinstated" ? null : winner.reason });
  expect(after.events).toEqual([...before.events, winner.event]);
  expect(after.history.at(-1)).toMatchObject({ reason: winner.reason, actorId: admins[index]!.id });
  expect(after.audit.sort()).toEqual([...before.audit, `accreditation.${winner.event}`].sort());
  expect((await make.mailTo(memberEmail)).length).toBe(mailsBefore + 1);
  return winner.event;
}

describe("two admins changing one accreditation at once", () => {
  it(
    `suspend against revoke of an active accreditation: one change, one history row, one audit row, one e-mail (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { organizationId, member } = await accreditedWithMember(`Red Disputada ${round}`);
        const suspend: Attempt = {
          event: "suspended",
          reason: `Suspensión ${round}`,
          run: (admin) => suspendAccreditation(admin, { organizationId, reason: `Suspensión ${round}` }),
        };
        const revoke: Attempt = {
          event: "revoked",
          reason: `Revocación ${round}`,
          run: (admin) => revokeAccreditation(admin, { organizationId, reason: `Revocación ${round}`, expectedStatus: "active" }),
        };
        return expectOneChange(organizationId, member.email, round % 2 === 0 ? [suspend, revoke] : [revoke, suspend]);
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `reinstate against revoke of a suspended accreditation: one change, one history row, one audit row, one e-mail (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { organizationId, member } = await accreditedWithMember(`Red Suspendida ${round}`);
        await suspendAccreditation(admins[0], { organizationId, reason: "Documentos vencidos." });
        const reinstate: Attempt = {
          event: "reinstated",
          reason: `Documentos al día ${round}`,
          run: (admin) => reinstateAccreditation(admin, { organizationId, reason: `Documentos al día ${round}` }),
        };
        const revoke: Attempt = {
          event: "revoked",
          reason: `Revocación ${round}`,
          run: (admin) => revokeAccreditation(admin, { organizationId, reason: `Revocación ${round}`, expectedStatus: "suspended" }),
        };
        return expectOneChange(organizationId, member.email, round % 2 === 0 ? [reinstate, revoke] : [revoke, reinstate]);
      });
    },
    RACE_TIMEOUT,
  );
});
