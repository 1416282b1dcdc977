import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changeStaffRole, deactivateUser } from "@/db/queries/staff";
import { auditLog, sessions, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { factories } from "../support/factories";
import { alternate, race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);

/** Every round starts with exactly two active admins, each signed in: the rule is about all admins at once. */
async function twoSignedInAdmins(): Promise<[Actor, Actor]> {
  const { db } = testDb();
  await db.delete(sessions);
  await db.delete(auditLog);
  await db.delete(users);
  const admins: [Actor, Actor] = [await make.user("admin"), await make.user("admin")];
  for (const admin of admins) {
    await db.insert(sessions).values({ sessionToken: randomUUID(), userId: admin.id, expires: new Date(Date.now() + 86_400_000) });
  }
  return admins;
}

/** The active admins, the sessions left, and the audited actions. */
async function adminsLeft() {
  const { db } = testDb();
  const active = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)));
  const live = await db.select({ userId: sessions.userId }).from(sessions);
  const audit = await db.select({ action: auditLog.action, targetId: auditLog.targetId }).from(auditLog);
  return { active: active.map((row) => row.id), sessions: live.map((row) => row.userId), audit };
}

describe("the last active admin, with two admins acting on each other at once", () => {
  it(
    `deactivating each other: one is deactivated (sessions ended), the other stays, one audit row (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const admins = await twoSignedInAdmins();

        const outcome = await race([deactivateUser(admins[0], admins[1].id), deactivateUser(admins[1], admins[0].id)]);

        const { index } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["conflict"]);
        const [winner, loser] = [admins[index]!, admins[1 - index]!];
        expect(await adminsLeft()).toEqual({
          active: [winner.id],
          sessions: [winner.id],
          audit: [{ action: "staff.deactivate", targetId: loser.id }],
        });
        return `admin ${index + 1}`;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `demoting each other: one becomes a reviewer, the other stays admin, one audit row (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const admins = await twoSignedInAdmins();

        const outcome = await race([
          changeStaffRole(admins[0], { userId: admins[1].id, role: "reviewer" }),
          changeStaffRole(admins[1], { userId: admins[0].id, role: "reviewer" }),
        ]);

        const { index } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["conflict"]);
        const [winner, loser] = [admins[index]!, admins[1 - index]!];
        expect(await adminsLeft()).toEqual({
          active: [winner.id],
          sessions: expect.arrayContaining([winner.id, loser.id]),
          audit: [{ action: "staff.role_change", targetId: loser.id }],
        });
        return `admin ${index + 1}`;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `one demoting while the other deactivates: one change goes through, one active admin is left (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const admins = await twoSignedInAdmins();
        const attempts = alternate(round, [
          {
            change: "demotion",
            run: () => changeStaffRole(admins[0], { userId: admins[1].id, role: "reviewer" }),
            survivor: admins[0],
            audit: { action: "staff.role_change", targetId: admins[1].id },
          },
          {
            change: "deactivation",
            run: () => deactivateUser(admins[1], admins[0].id),
            survivor: admins[1],
            audit: { action: "staff.deactivate", targetId: admins[0].id },
          },
        ] as const);

        const outcome = await race<void>(attempts.map((attempt) => attempt.run()));

        const winner = attempts[soleWinner(outcome).index]!;
        expect(refusals(outcome)).toEqual(["conflict"]);
        const left = await adminsLeft();
        expect(left.active).toEqual([winner.survivor.id]);
        expect(left.audit).toEqual([winner.audit]);
        return winner.change;
      });
    },
    RACE_TIMEOUT,
  );
});
