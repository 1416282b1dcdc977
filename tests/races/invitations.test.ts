import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { acceptPendingInvitations, inviteColleague } from "@/db/queries/organization-invitations";
import { inviteStaff } from "@/db/queries/staff";
import { auditLog, organizationInvitations, organizationMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { createUser, newApplicant } from "../support/applicant-fixtures";
import { factories } from "../support/factories";
import { alternate, race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);
const mail = { origin: "http://localhost:3000", locale: "es" as const };

let admins: [Actor, Actor];

beforeAll(async () => {
  admins = [await make.user("admin"), await make.user("admin")];
});

const newAddress = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.org`;

describe("inviting the same colleague to an organization at once", () => {
  it(
    `three invitations of one address (two members, two spellings): one succeeds, the others find it pending; one invitation, one e-mail, one membership on sign-in (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const { db } = testDb();
        const { actor: owner, organizationId } = await newApplicant(db);
        const colleague = await createUser(db, "applicant");
        await db.insert(organizationMembers).values({ organizationId, userId: colleague.id, role: "member" });
        const address = newAddress("invitee");

        const outcome = await race([
          inviteColleague(owner, organizationId, address, mail),
          inviteColleague(colleague, organizationId, address.toUpperCase(), mail),
          inviteColleague(owner, organizationId, ` ${address} `, mail),
        ]);

        // The address is never mailed twice: the later invitations find the first one pending.
        expect(refusals(outcome)).toEqual(["already_invited", "already_invited"]);
        const pending = await db
          .select({ email: organizationInvitations.email, acceptedAt: organizationInvitations.acceptedAt })
          .from(organizationInvitations)
          .where(eq(organizationInvitations.organizationId, organizationId));
        expect(pending).toEqual([{ email: address, acceptedAt: null }]);
        const audit = await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.targetId, organizationId), eq(auditLog.action, "organization.invite")));
        expect(audit).toHaveLength(1);
        expect(await make.mailTo(address)).toHaveLength(1);

        const invitee = await make.user("applicant", { email: address });
        expect(await acceptPendingInvitations(invitee)).toBe(1);
        const members = await db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, organizationId));
        expect(members).toHaveLength(3);
        return "one invitation";
      });
    },
    RACE_TIMEOUT,
  );
});

/** Twenty invitations a round: fewer rounds than the two-party races. */
const FLOOD_REPEAT = Math.max(1, Math.ceil(RACE_REPEAT / 10));

describe("one member sending 20 invitations at once", () => {
  it(
    `exactly the hourly limit (10) are sent: 10 pending invitations, 10 e-mails, 10 audit rows, the others refused as rate-limited (×${FLOOD_REPEAT})`,
    async () => {
      await repeat(FLOOD_REPEAT, async () => {
        const { db } = testDb();
        const { actor: owner, organizationId } = await newApplicant(db);
        const addresses = Array.from({ length: 20 }, (_, i) => newAddress(`flood${i}`));

        const outcome = await race(addresses.map((address) => inviteColleague(owner, organizationId, address, mail)));

        expect(outcome.won).toHaveLength(10);
        expect(refusals(outcome)).toEqual(Array(10).fill("rate_limited"));
        const pending = await db.select().from(organizationInvitations).where(eq(organizationInvitations.organizationId, organizationId));
        expect(pending).toHaveLength(10);
        const audit = await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.targetId, organizationId), eq(auditLog.action, "organization.invite")));
        expect(audit).toHaveLength(10);
        const mailed = (await Promise.all(addresses.map((address) => make.mailTo(address)))).filter((rows) => rows.length > 0);
        expect(mailed).toHaveLength(10);
        expect(mailed.every((rows) => rows.length === 1)).toBe(true);
        return "10 of 20";
      });
    },
    RACE_TIMEOUT,
  );
});

describe("the invitee signing in twice at once", () => {
  it(
    `both sign-ins succeed; the invitation is accepted once: one membership, one join in the audit (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const { db } = testDb();
        const { actor: owner, organizationId } = await newApplicant(db);
        const address = newAddress("joiner");
        await inviteColleague(owner, organizationId, address, mail);
        const invitee = await make.user("applicant", { email: address });

        const outcome = await race([acceptPendingInvitations(invitee), acceptPendingInvitations(invitee)]);

        expect(refusals(outcome)).toEqual([]);
        const accepted = outcome.won.map(({ value }) => value);
        expect(accepted.sort()).toEqual([0, 1]);
        const membership = await db
          .select({ role: organizationMembers.role })
          .from(organizationMembers)
          .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, invitee.id)));
        expect(membership).toEqual([{ role: "member" }]);
        const joins = await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.actorId, invitee.id), eq(auditLog.action, "organization.join")));
        expect(joins).toHaveLength(1);
        const [invitation] = await db.select().from(organizationInvitations).where(eq(organizationInvitations.organizationId, organizationId));
        expect(invitation!.acceptedAt).not.toBeNull();
        return `sign-in ${outcome.won.find(({ value }) => value === 1)!.index + 1} joined`;
      });
    },
    RACE_TIMEOUT,
  );
});

describe("two admins inviting the same address to the secretariat at once", () => {
  it(
    `exactly one account, created once; the later invitation sets the role; two audit rows, two e-mails (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { db } = testDb();
        const address = newAddress("staff");
        const roles = round % 2 === 0 ? (["reviewer", "reviewer"] as const) : alternate((round - 1) / 2, ["reviewer", "admin"] as const);
        const spellings = [address, address.toUpperCase()];

        const outcome = await race(roles.map((role, i) => inviteStaff(admins[i]!, { email: spellings[i]!, role, locale: "pt" })));

        expect(refusals(outcome)).toEqual([]);
        expect(outcome.won.map(({ value }) => value.created).sort()).toEqual([false, true]);
        const accounts = await db
          .select()
          .from(users)
          .where(sql`lower(${users.email}) = ${address}`);
        expect(accounts).toHaveLength(1);
        const account = accounts[0]!;
        expect(outcome.won.every(({ value }) => value.userId === account.id)).toBe(true);
        const audit = await db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.targetId, account.id), eq(auditLog.action, "staff.invite")));
        expect(audit).toHaveLength(2);
        const later = audit.find((entry) => (entry.data as { previousRole: string | null }).previousRole !== null);
        expect(later, "one invitation found the account the other created").toBeDefined();
        expect(account.role).toBe((later!.data as { role: string }).role);
        expect(account.deactivatedAt).toBeNull();
        expect(await make.mailTo(address)).toHaveLength(2);
        return `${roles.join(" + ")} → ${account.role}`;
      });
    },
    RACE_TIMEOUT,
  );
});
