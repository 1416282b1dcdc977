import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { editDelegate, listOwnNominations, nominateDelegate, substituteDelegate, withdrawDelegate } from "@/db/queries/delegates-own";
import { decideDelegate, exportConfirmedDelegates, listMeetingDelegates, organizationLanguage } from "@/db/queries/delegates-staff";
import { auditLog, coalitionMembers, delegates, emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { DelegateRefusal } from "@/lib/delegates";
import { delegateFixtures } from "../support/delegate-fixtures";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const { meeting, accredited, person, liveCount } = delegateFixtures(() => testDb().db);

let reviewer: Actor;
let openMeetingId: string;
let closedMeetingId: string;

async function expectRefusal(promise: Promise<unknown>, reason: DelegateRefusal["reason"]): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected refusal ${reason}`).toBeInstanceOf(DelegateRefusal);
  expect((error as DelegateRefusal).reason).toBe(reason);
}

beforeAll(async () => {
  reviewer = await make.user("reviewer");
  openMeetingId = await meeting();
  closedMeetingId = await meeting({ deadlineInDays: -1, startsInDays: 20 });
});

describe("nominating within the quota", () => {
  it("lets a participant organization nominate up to the participant quota and refuses one more", async () => {
    const { organizationId, member } = await accredited();
    for (let i = 0; i < 3; i++) await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() });
    await expectRefusal(nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() }), "quota_full");
    expect(await liveCount(organizationId, openMeetingId)).toBe(3);
    const own = await listOwnNominations(member, organizationId);
    const listed = own!.meetings.find((m) => m.id === openMeetingId)!;
    expect(listed).toMatchObject({ quota: 3, live: 3, open: true });
    expect(own!.meetings.some((m) => m.id === closedMeetingId && !m.open)).toBe(true);
  });

  it("uses the observer quota for an observer organization", async () => {
    const { organizationId, member } = await accredited({ category: "observer" });
    await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() });
    await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() });
    await expectRefusal(nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() }), "quota_full");
    expect(await liveCount(organizationId, openMeetingId)).toBe(2);
  });

  it("records who nominated, the details, and an audit row", async () => {
    const { organizationId, member } = await accredited();
    const details = person({ accessibilityNeeds: "Wheelchair access", needsVisaLetter: undefined });
    const { delegateId } = await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...details });
    const [row] = await testDb().db.select().from(delegates).where(eq(delegates.id, delegateId));
    expect(row).toMatchObject({
      nominatedById: member.id,
      status: "nominated",
      accessibilityNeeds: "Wheelchair access",
      needsVisaLetter: false,
      email: details.email,
    });
    const audit = await testDb().db.select().from(auditLog).where(eq(auditLog.targetId, delegateId));
    expect(audit.map((a) => a.action)).toEqual(["delegate.nominate"]);
  });

  it("refuses the same person twice for one meeting, whichever organization nominates", async () => {
    const first = await accredited();
    const second = await accredited();
    const email = `twice-${randomUUID()}@example.org`;
    await nominateDelegate(first.member, { organizationId: first.organizationId, meetingId: openMeetingId, ...person({ email }) });
    await expectRefusal(
      nominateDelegate(second.member, { organizationId: second.organizationId, meetingId: openMeetingId, ...person({ email: email.toUpperCase() }) }),
      "duplicate_email",
    );
    expect(await liveCount(second.organizationId, openMeetingId)).toBe(0);
  });

  it("refuses invalid details and changes nothing", async () => {
    const { organizationId, member } = await accredited();
    await expectAppError(nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person({ email: "not-an-email" }) }), "invalid");
    await expectAppError(nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person({ name: "" }) }), "invalid");
    expect(await liveCount(organizationId, openMeetingId)).toBe(0);
  });
});

describe("coalitions", () => {
  it("nominates delegates of its member organizations within the coalition's own quota", async () => {
    const coalition = await accredited({ isCoalition: true });
    const memberOrg = await accredited();
    const outsider = await accredited();
    await testDb()
      .db.insert(coalitionMembers)
      .values({ coalitionId: coalition.organizationId, memberOrganizationId: memberOrg.organizationId, name: "Member", country: "PE" });

    const own = await listOwnNominations(coalition.member, coalition.organizationId);
    expect(own!.coalitionMembers.map((m) => m.id)).toEqual([memberOrg.organizationId]);

    const onBehalf = { organizationId: coalition.organizationId, meetingId: openMeetingId, memberOrganizationId: memberOrg.organizationId };
    await nominateDelegate(coalition.member, { ...onBehalf, ...person() });
    await nominateDelegate(coalition.member, { ...onBehalf, ...person() });
    await nominateDelegate(coalition.member, { organizationId: coalition.organizationId, meetingId: openMeetingId, ...person() });
    await expectRefusal(nominateDelegate(coalition.member, { ...onBehalf, ...person() }), "quota_full");
    await expectRefusal(
      nominateDelegate(coalition.member, { ...onBehalf, memberOrganizationId: outsider.organizationId, ...person() }),
      "not_coalition_member",
    );
    expect(await liveCount(coalition.organizationId, openMeetingId)).toBe(3);
    // The member organization's own quota is its own.
    await nominateDelegate(memberOrg.member, { organizationId: memberOrg.organizationId, meetingId: openMeetingId, ...person() });
    expect(await liveCount(memberOrg.organizationId, openMeetingId)).toBe(1);
  });

  it("does not let an organization that is not a coalition nominate on behalf of another", async () => {
    const plain = await accredited();
    const other = await accredited();
    await testDb()
      .db.insert(coalitionMembers)
      .values({ coalitionId: plain.organizationId, memberOrganizationId: other.organizationId, name: "Other", country: "PE" });
    await expectRefusal(
      nominateDelegate(plain.member, {
        organizationId: plain.organizationId,
        meetingId: openMeetingId,
        memberOrganizationId: other.organizationId,
        ...person(),
      }),
      "not_coalition_member",
    );
  });
});

describe("changing nominations", () => {
  it("substitutes a delegate in one step: the count stays, the replacement points at the withdrawn one", async () => {
    const { organizationId, member } = await accredited();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() })).delegateId);
    const replacement = person({ name: "Replacement" });
    const { delegateId } = await substituteDelegate(member, { organizationId, delegateId: ids[0]!, ...replacement });
    expect(await liveCount(organizationId, openMeetingId)).toBe(3);
    const rows = await testDb()
      .db.select()
      .from(delegates)
      .where(inArray(delegates.id, [ids[0]!, delegateId]));
    expect(rows.find((r) => r.id === ids[0])!.status).toBe("withdrawn");
    expect(rows.find((r) => r.id === delegateId)).toMatchObject({ status: "nominated", replacesDelegateId: ids[0], name: "Replacement" });
    // A withdrawn delegate cannot be substituted again.
    await expectRefusal(substituteDelegate(member, { organizationId, delegateId: ids[0]!, ...person() }), "not_live");
  });

  it("sends an edited confirmed delegate back to the secretariat, and frees a place on withdrawal", async () => {
    const { organizationId, member } = await accredited();
    const { delegateId } = await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() });
    await decideDelegate(reviewer, { delegateId, decision: "confirm" });
    const { reopened } = await editDelegate(member, { organizationId, delegateId, ...person({ name: "Corrected Name" }) });
    expect(reopened).toBe(true);
    const [row] = await testDb().db.select().from(delegates).where(eq(delegates.id, delegateId));
    expect(row).toMatchObject({ status: "nominated", name: "Corrected Name", decidedById: null });
    await withdrawDelegate(member, { organizationId, delegateId });
    expect(await liveCount(organizationId, openMeetingId)).toBe(0);
  });

  it("changes nothing after the deadline", async () => {
    const { organizationId, member } = await accredited();
    const [row] = await testDb()
      .db.insert(delegates)
      .values({ meetingId: closedMeetingId, organizationId, name: "Before the deadline", email: `early-${randomUUID()}@example.org` })
      .returning({ id: delegates.id });
    const delegateId = row!.id;
    await expectRefusal(nominateDelegate(member, { organizationId, meetingId: closedMeetingId, ...person() }), "closed");
    await expectRefusal(editDelegate(member, { organizationId, delegateId, ...person() }), "closed");
    await expectRefusal(substituteDelegate(member, { organizationId, delegateId, ...person() }), "closed");
    await expectRefusal(withdrawDelegate(member, { organizationId, delegateId }), "closed");
    const rows = await testDb().db.select().from(delegates).where(eq(delegates.meetingId, closedMeetingId));
    expect(rows.filter((r) => r.organizationId === organizationId).map((r) => [r.name, r.status])).toEqual([["Before the deadline", "nominated"]]);
  });

  it("refuses a meeting that has already started", async () => {
    const started = await meeting({ deadlineInDays: 5, startsInDays: 0 });
    const { organizationId, member } = await accredited();
    await expectRefusal(nominateDelegate(member, { organizationId, meetingId: started, ...person() }), "closed");
  });
});

describe("who may nominate", () => {
  it("refuses a suspended, revoked or unaccredited organization", async () => {
    for (const options of [{ status: "suspended" as const }, { status: "revoked" as const }, { category: null }]) {
      const { organizationId, member } = await accredited(options);
      await expectRefusal(nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() }), "not_accredited");
      expect(await liveCount(organizationId, openMeetingId)).toBe(0);
    }
  });

  it("refuses forged ids: another organization's id, or another organization's delegate", async () => {
    const mine = await accredited();
    const theirs = await accredited();
    const { delegateId } = await nominateDelegate(theirs.member, { organizationId: theirs.organizationId, meetingId: openMeetingId, ...person() });
    await expectAppError(nominateDelegate(mine.member, { organizationId: theirs.organizationId, meetingId: openMeetingId, ...person() }), "not_found");
    await expectAppError(editDelegate(mine.member, { organizationId: mine.organizationId, delegateId, ...person() }), "not_found");
    await expectAppError(withdrawDelegate(mine.member, { organizationId: theirs.organizationId, delegateId }), "not_found");
    await expectAppError(substituteDelegate(mine.member, { organizationId: mine.organizationId, delegateId, ...person() }), "not_found");
    expect(await listOwnNominations(mine.member, theirs.organizationId)).toBeNull();
    expect(await liveCount(theirs.organizationId, openMeetingId)).toBe(1);
  });

  it("keeps staff operations from applicants and nominations from staff", async () => {
    const { organizationId, member } = await accredited();
    const { delegateId } = await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() });
    await expectAppError(decideDelegate(member, { delegateId, decision: "confirm" }), "forbidden");
    await expectAppError(exportConfirmedDelegates(member, openMeetingId), "forbidden");
    await expectAppError(listMeetingDelegates(member, openMeetingId), "forbidden");
    await expectAppError(nominateDelegate(reviewer, { organizationId, meetingId: openMeetingId, ...person() }), "forbidden");
  });
});

describe("the secretariat's decisions", () => {
  it("requires a reason to decline", async () => {
    const { organizationId, member } = await accredited();
    const { delegateId } = await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...person() });
    await expectAppError(decideDelegate(reviewer, { delegateId, decision: "decline", reason: "  " }), "invalid");
    const [row] = await testDb().db.select().from(delegates).where(eq(delegates.id, delegateId));
    expect(row!.status).toBe("nominated");
  });

  it("e-mails the delegate in the organization's language: the nominator's, else by country", async () => {
    const inPortuguese = await accredited({ locale: "pt", country: "PE" });
    const details = person();
    const { delegateId } = await nominateDelegate(inPortuguese.member, { organizationId: inPortuguese.organizationId, meetingId: openMeetingId, ...details });
    await decideDelegate(reviewer, { delegateId, decision: "decline", reason: "Falta el cargo" });
    const mail = (await make.mailTo(details.email)).find((row) => row.kind === "delegate-decline");
    expect(mail!.subject).toMatch(/^Sua indicação para a T-\w+ CSM não foi confirmada$/);
    expect(mail!.text).toContain("Motivo: Falta el cargo");
    expect(organizationLanguage(null, "BR")).toBe("pt");
    expect(organizationLanguage(null, "SR")).toBe("en");
    expect(organizationLanguage(null, "CL")).toBe("es");
    expect(organizationLanguage("en", "BR")).toBe("en");
  });

  it("lists substitutions with the delegate they replace, and withdrawn nominations last", async () => {
    const meetingId = await meeting();
    const { organizationId, member } = await accredited();
    const aaron = await nominateDelegate(member, { organizationId, meetingId, ...person({ name: "Aaron Withdrawn" }) });
    const bruno = await nominateDelegate(member, { organizationId, meetingId, ...person({ name: "Bruno Replaced" }) });
    await nominateDelegate(member, { organizationId, meetingId, ...person({ name: "Zoe Live" }) });
    await substituteDelegate(member, { organizationId, delegateId: bruno.delegateId, ...person({ name: "Carla Substitute" }) });
    await withdrawDelegate(member, { organizationId, delegateId: aaron.delegateId });
    const listed = await listMeetingDelegates(reviewer, meetingId);
    expect(listed!.delegates.map(({ name, status, replacesName }) => [name, status, replacesName])).toEqual([
      ["Carla Substitute", "nominated", "Bruno Replaced"],
      ["Zoe Live", "nominated", null],
      ["Aaron Withdrawn", "withdrawn", null],
      ["Bruno Replaced", "withdrawn", null],
    ]);
  });

  it("exports only the confirmed delegates, and counts the meeting's figures", async () => {
    const meetingId = await meeting();
    const a = await accredited({ country: "BR" });
    const b = await accredited({ country: "CL" });
    const confirmed = person({ name: "Ana Confirmada", nationality: "Venezuelan" });
    const declined = person({ name: "Bruno Declinado", nationality: "venezuelan " });
    const pending = person({ name: "Carla Pendiente", nationality: "Chilean", needsVisaLetter: undefined, accessibilityNeeds: "Ramp" });
    const first = await nominateDelegate(a.member, { organizationId: a.organizationId, meetingId, ...confirmed });
    const second = await nominateDelegate(a.member, { organizationId: a.organizationId, meetingId, ...declined });
    await nominateDelegate(b.member, { organizationId: b.organizationId, meetingId, ...pending });
    await decideDelegate(reviewer, { delegateId: first.delegateId, decision: "confirm" });
    await decideDelegate(reviewer, { delegateId: second.delegateId, decision: "decline", reason: "No mandate" });

    const exported = await exportConfirmedDelegates(reviewer, meetingId);
    expect(exported!.delegates.map((d) => d.email)).toEqual([confirmed.email]);

    const listed = await listMeetingDelegates(reviewer, meetingId, { country: "CL" });
    expect(listed!.delegates.map((d) => d.name)).toEqual(["Carla Pendiente"]);
    expect(listed!.figures).toMatchObject({
      organizations: 2,
      byStatus: { nominated: 1, confirmed: 1, declined: 1, withdrawn: 0 },
      visaLetters: 1,
      accessibilityNeeds: 1,
    });
    expect(listed!.figures.byCountry).toEqual(
      expect.arrayContaining([
        { country: "BR", count: 1 },
        { country: "CL", count: 1 },
      ]),
    );
    expect(listed!.figures.byNationality.map((n) => [n.nationality.toLowerCase(), n.count]).sort()).toEqual([
      ["chilean", 1],
      ["venezuelan", 1],
    ]);
  });
});

describe("e-mails to the delegate when the organization changes a nomination", () => {
  const told = async (email: string) => (await make.mailTo(email)).map(({ kind, subject, text }) => ({ kind, subject, text }));

  it("tell the nominated, edited, replaced and withdrawn delegate, in the organization's language, queued with the change", async () => {
    const { organizationId, member } = await accredited({ locale: "en" });
    const first = person({ name: "Ana First" });
    const second = person({ name: "Bea Second" });
    const substitute = person({ name: "Carla Substitute" });
    const a = await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...first });
    const b = await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...second });
    expect(await told(first.email)).toEqual([
      {
        kind: "delegate-nominate",
        subject: expect.stringMatching(/^You have been nominated as a delegate to the T-\w+ CSM$/),
        text: expect.stringContaining("Dear Ana First"),
      },
    ]);
    await editDelegate(member, { organizationId, delegateId: a.delegateId, ...first, roleInOrganization: "Director" });
    await substituteDelegate(member, { organizationId, delegateId: b.delegateId, ...substitute });
    await withdrawDelegate(member, { organizationId, delegateId: a.delegateId });
    expect((await told(first.email)).map((mail) => mail.kind).sort()).toEqual(["delegate-edit", "delegate-nominate", "delegate-withdraw"]);
    expect((await told(second.email)).find((mail) => mail.kind === "delegate-replaced")).toMatchObject({
      subject: expect.stringMatching(/^Your nomination for the T-\w+ CSM was withdrawn$/),
      text: expect.stringContaining("has nominated Carla Substitute in your place"),
    });
    expect((await told(substitute.email)).map((mail) => mail.kind)).toEqual(["delegate-nominate"]);
    const members = await make.mailTo(member.email);
    expect(members).toEqual([]);
  });

  it("queue nothing when the change is refused or rolls back", async () => {
    const { organizationId, member } = await accredited({ category: "observer" });
    const kept = person();
    const { delegateId } = await nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...kept });
    const refused = person();
    await expectRefusal(nominateDelegate(member, { organizationId, meetingId: closedMeetingId, ...refused }), "closed");
    const rolledBack = person();
    await testDb().db.execute(
      sql`create or replace function fail_job_insert() returns trigger language plpgsql as $$ begin raise exception 'job refused'; end $$`,
    );
    await testDb().db.execute(sql`create trigger fail_job_insert before insert on pgboss.job for each row execute function fail_job_insert()`);
    try {
      await expect(nominateDelegate(member, { organizationId, meetingId: openMeetingId, ...rolledBack })).rejects.toThrow();
      await expect(withdrawDelegate(member, { organizationId, delegateId })).rejects.toThrow();
    } finally {
      await testDb().db.execute(sql`drop trigger fail_job_insert on pgboss.job`);
    }
    expect(await liveCount(organizationId, openMeetingId)).toBe(1);
    expect(
      await testDb()
        .db.select()
        .from(emailOutbox)
        .where(inArray(emailOutbox.to, [refused.email, rolledBack.email])),
    ).toEqual([]);
    expect((await told(kept.email)).map((mail) => mail.kind)).toEqual(["delegate-nominate"]);
  });
});
