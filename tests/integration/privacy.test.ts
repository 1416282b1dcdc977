import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { eraseOwnAccount, exportOwnData } from "@/db/queries/account";
import { erasedEmailOf } from "@/lib/erased-person";
import { getApplicationForReview } from "@/db/queries/application-review";
import { listAuditLog } from "@/db/queries/audit-log";
import { purgeDelegatePersonalData } from "@/db/queries/delegate-retention";
import { getPublicOrganization, listPublicOrganizations } from "@/db/queries/public-register";
import {
  accreditations,
  applicationHistory,
  auditLog,
  delegates,
  emailOutbox,
  meetings,
  organizationInvitations,
  organizationMembers,
  organizations,
  sessions,
  signInChallenges,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { parseAuditFilters } from "@/lib/audit-filters";
import { parseRegisterQuery } from "@/lib/register-query";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";
import { runHousekeeping } from "@/lib/server/jobs/housekeeping";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const db = () => testDb().db;

beforeEach(async () => {
  await db().execute(sql`truncate users, organizations, meetings, audit_log, email_outbox, sessions cascade`);
});

async function signIn(user: Actor): Promise<void> {
  await db()
    .insert(sessions)
    .values({ sessionToken: randomUUID(), userId: user.id, expires: new Date(Date.now() + 86_400_000) });
}

async function meetingEndedOn(endsOn: string): Promise<string> {
  const [row] = await db()
    .insert(meetings)
    .values({ number: `P-${randomUUID().slice(0, 8)}`, hostCountry: "BR", startsOn: endsOn, endsOn })
    .returning({ id: meetings.id });
  return row!.id;
}

async function delegate(meetingId: string, organizationId: string, email: string, nominatedById: string | null = null): Promise<string> {
  const [row] = await db()
    .insert(delegates)
    .values({
      meetingId,
      organizationId,
      name: "Ana Delegate",
      email,
      nationality: "Venezuelan",
      accessibilityNeeds: "Wheelchair access",
      needsVisaLetter: true,
      status: "confirmed",
      nominatedById,
    })
    .returning({ id: delegates.id });
  return row!.id;
}

/** An applicant who belongs to an organization with a submitted application they acted on. */
async function applicantWithHistory() {
  const person = await make.user("applicant", { email: `maria-${randomUUID().slice(0, 6)}@example.org` });
  await db().update(users).set({ name: "María Pérez" }).where(eq(users.id, person.id));
  const organizationId = await make.organization("Red Migrante");
  await make.member(organizationId, person.id);
  const applicationId = await make.application(organizationId, "submitted");
  await db().insert(applicationHistory).values({
    applicationId,
    actorId: person.id,
    kind: "transition",
    fromStatus: "draft",
    toStatus: "submitted",
    visibleToApplicant: true,
  });
  await db().insert(auditLog).values({ actorId: person.id, action: "application.submit", targetType: "application", targetId: applicationId });
  return { person, organizationId, applicationId };
}

describe("exportOwnData", () => {
  it("holds the person's account, memberships, nominations, actions and e-mails, and nobody else's", async () => {
    const { person, organizationId, applicationId } = await applicantWithHistory();
    const other = await make.user("applicant", { email: "someone-else@example.org" });
    await make.member(organizationId, other.id);
    const meetingId = await meetingEndedOn("2026-01-10");
    await delegate(meetingId, organizationId, person.email.toUpperCase());
    await delegate(meetingId, organizationId, other.email);
    await db()
      .insert(emailOutbox)
      .values([
        { to: person.email, subject: "Your link", text: "secret sign-in link" },
        { to: other.email, subject: "Other's link", text: "other" },
      ]);
    await signIn(person);

    const data = await exportOwnData(person);

    expect(data.account).toMatchObject({ id: person.id, email: person.email, name: "María Pérez", role: "applicant" });
    expect(data.memberships).toEqual([expect.objectContaining({ organizationId, organization: "Red Migrante", role: "owner" })]);
    expect(data.delegateNominations).toHaveLength(1);
    expect(data.delegateNominations[0]).toMatchObject({ nationality: "Venezuelan", accessibilityNeeds: "Wheelchair access" });
    expect(data.applicationHistory).toEqual([expect.objectContaining({ applicationId, kind: "transition" })]);
    expect(data.auditTrail).toEqual([expect.objectContaining({ action: "application.submit", targetId: applicationId })]);
    expect(data.emailsSent).toEqual([expect.objectContaining({ subject: "Your link" })]);
    expect(data.sessions).toHaveLength(1);
    const text = JSON.stringify(data);
    expect(text).not.toContain("someone-else@example.org");
    expect(text).not.toContain("secret sign-in link");
    expect(text).not.toContain("sessionToken");
  });

  it("refuses a visitor who is not signed in", async () => {
    await expectAppError(exportOwnData(null), "unauthenticated");
  });
});

describe("eraseOwnAccount", () => {
  it("removes name, address, sessions and memberships but keeps the organization's history, shown as a former member", async () => {
    const { person, organizationId, applicationId } = await applicantWithHistory();
    await signIn(person);
    await db().insert(organizationInvitations).values({ organizationId, email: person.email, acceptedAt: new Date() });
    await db().insert(emailOutbox).values({ to: person.email, subject: "Your link", text: "link" });
    await db()
      .insert(signInChallenges)
      .values({
        tokenHash: randomUUID(),
        codeHash: "x",
        clientKey: "y",
        email: person.email,
        locale: "es",
        callbackPath: "/es/applicant",
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    const admin = await make.user("admin");
    await db()
      .insert(auditLog)
      .values({ actorId: admin.id, action: "organization.invite", data: { email: person.email } });

    await eraseOwnAccount(person);

    const [row] = await db().select().from(users).where(eq(users.id, person.id));
    expect(row).toMatchObject({ email: erasedEmailOf(person.id), name: null });
    expect(row!.erasedAt).toBeInstanceOf(Date);
    expect(row!.deactivatedAt).toBeInstanceOf(Date);
    expect(await db().select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
    expect(await db().select().from(organizationMembers).where(eq(organizationMembers.userId, person.id))).toHaveLength(0);
    expect(await db().select().from(emailOutbox)).toHaveLength(0);
    expect(await db().select().from(signInChallenges)).toHaveLength(0);

    // The organization, its application and both trails are still whole.
    expect(await db().select().from(organizations).where(eq(organizations.id, organizationId))).toHaveLength(1);
    const review = await getApplicationForReview(admin, applicationId);
    expect(review.history).toHaveLength(1);
    expect(review.history[0]!.actor).toMatchObject({ erased: true, name: null });
    const log = await listAuditLog(admin, parseAuditFilters({}));
    expect(log.rows.map((entry) => entry.action)).toEqual(expect.arrayContaining(["application.submit", "account.erased", "organization.invite"]));
    const submitted = log.rows.find((entry) => entry.action === "application.submit")!;
    expect(submitted.actor).toMatchObject({ erased: true });
    expect(submitted.actorName).toBeNull();
    const stored = await db().select({ actorName: auditLog.actorName, targetName: auditLog.targetName }).from(auditLog);
    expect(stored.filter((row) => row.actorName?.includes("María") || row.targetName?.includes("María"))).toEqual([]);

    // No trace of the address is left anywhere.
    const everything = await db().execute(sql`
      select (select json_agg(a) from audit_log a)::text || (select coalesce(json_agg(h), '[]') from application_history h)::text
        || (select coalesce(json_agg(i), '[]') from organization_invitations i)::text || (select json_agg(u) from users u)::text as dump`);
    const dump = JSON.stringify(everything);
    expect(dump).not.toContain(person.email);
    expect(dump).not.toContain("María");
  });

  it("lets the erased address sign up again as a new person with nothing of the old account", async () => {
    const { person } = await applicantWithHistory();
    await eraseOwnAccount(person);

    const again = await make.user("applicant", { email: person.email });

    expect(again.id).not.toBe(person.id);
    const data = await exportOwnData(again);
    expect(data.memberships).toEqual([]);
    expect(data.auditTrail).toEqual([]);
    await expectAppError(exportOwnData(person), "not_found");
  });

  it("writes one audit row and refuses a second erasure", async () => {
    const { person } = await applicantWithHistory();
    await eraseOwnAccount(person);
    await expectAppError(eraseOwnAccount(person), "not_found");
    const erasures = await db().select().from(auditLog).where(eq(auditLog.action, "account.erased"));
    expect(erasures).toEqual([expect.objectContaining({ actorId: person.id, targetId: person.id })]);
  });

  it("refuses the last active admin, and lets an admin go when another remains", async () => {
    const admin = await make.user("admin");
    await expectAppError(eraseOwnAccount(admin), "conflict");
    const [row] = await db().select({ erasedAt: users.erasedAt, email: users.email }).from(users).where(eq(users.id, admin.id));
    expect(row).toEqual({ erasedAt: null, email: admin.email });

    await make.user("admin");
    await eraseOwnAccount(admin);
    const [after] = await db().select({ erasedAt: users.erasedAt }).from(users).where(eq(users.id, admin.id));
    expect(after!.erasedAt).toBeInstanceOf(Date);
  });
});

describe("purgeDelegatePersonalData", () => {
  it("clears nationality and accessibility needs only once the retention period after the meeting has passed", async () => {
    const { organizationId } = await applicantWithHistory();
    const endedLongAgo = await meetingEndedOn("2026-01-01");
    const endedRecently = await meetingEndedOn("2026-03-15");
    const [undated] = await db().insert(meetings).values({ number: "UNDATED", hostCountry: "PE" }).returning({ id: meetings.id });
    const old = await delegate(endedLongAgo, organizationId, "old@example.org");
    const recent = await delegate(endedRecently, organizationId, "recent@example.org");
    const noDates = await delegate(undated!.id, organizationId, "undated@example.org");

    // 2026-01-01 + 90 days = 2026-04-01: kept through that day, cleared from the next.
    expect(await purgeDelegatePersonalData(new Date("2026-04-01T23:00:00Z"), 90)).toBe(0);
    expect(await purgeDelegatePersonalData(new Date("2026-04-02T08:00:00Z"), 90)).toBe(1);

    const rows = await db().select().from(delegates);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(old)).toMatchObject({ nationality: null, accessibilityNeeds: null, name: "Ana Delegate", status: "confirmed" });
    expect(byId.get(recent)).toMatchObject({ nationality: "Venezuelan", accessibilityNeeds: "Wheelchair access" });
    expect(byId.get(noDates)).toMatchObject({ nationality: "Venezuelan" });

    const purges = await db().select().from(auditLog).where(eq(auditLog.action, "privacy.delegate_data_purged"));
    expect(purges).toEqual([expect.objectContaining({ actorId: null, data: { delegates: 1, retentionDays: 90 } })]);

    // Repeating the run changes nothing and writes no further audit row.
    expect(await purgeDelegatePersonalData(new Date("2026-04-03T08:00:00Z"), 90)).toBe(0);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "privacy.delegate_data_purged"))).toHaveLength(1);

    // A shorter setting reaches the recent meeting too.
    expect(await purgeDelegatePersonalData(new Date("2026-04-03T08:00:00Z"), 7)).toBe(1);
  });

  it("runs as a step of the daily housekeeping job, with the configured retention period", async () => {
    const { organizationId } = await applicantWithHistory();
    const ended = await meetingEndedOn("2026-01-01");
    const cleared = await delegate(ended, organizationId, "housekept@example.org");

    const counts = await runHousekeeping(new Date("2026-04-02T08:00:00Z"));

    expect(counts.delegatePersonalData).toBe(1);
    const [row] = await db().select().from(delegates).where(eq(delegates.id, cleared));
    expect(row).toMatchObject({ nationality: null, accessibilityNeeds: null });
  });

  it("refuses a retention period that is not a whole number of days", async () => {
    await expect(purgeDelegatePersonalData(new Date(), -1)).rejects.toThrow(RangeError);
    await expect(purgeDelegatePersonalData(new Date(), 1.5)).rejects.toThrow(RangeError);
  });

  it("never shows delegates' personal data in the public register", async () => {
    const { organizationId } = await applicantWithHistory();
    await db().insert(accreditations).values({ organizationId, category: "participant" });
    const meetingId = await meetingEndedOn("2026-01-10");
    await delegate(meetingId, organizationId, "public-check@example.org");

    const published = JSON.stringify([await listPublicOrganizations(parseRegisterQuery({})), await getPublicOrganization(organizationId)]);

    expect(published).toContain("Red Migrante");
    expect(published).not.toContain("Venezuelan");
    expect(published).not.toContain("Wheelchair");
    expect(published).not.toContain("public-check@example.org");
  });
});
