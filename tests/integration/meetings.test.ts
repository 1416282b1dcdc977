import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getOwnApplication, listOwnOrganizations, startApplication, submitApplication, WindowClosedError } from "@/db/queries/applications-own";
import { createMeeting, getMeeting, listMeetings, MeetingConflictError, updateMeeting } from "@/db/queries/meetings";
import { createOrganization } from "@/db/queries/organization-profile";
import { exportReviewQueue, listReviewQueue } from "@/db/queries/review-queue";
import { applications, auditLog, meetings } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { endOfDay, meetingSchema, startOfDay } from "@/lib/meeting-schema";
import { parseQueueFilters } from "@/lib/queue-filters";
import { completeDraft, createUser, organizationAnswers } from "../support/applicant-fixtures";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";
import { editionFields } from "../support/meeting-fixtures";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const mail = { origin: "http://localhost:3000", locale: "es" as const };

const edition = editionFields;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
}

let admin: Actor;

beforeEach(async () => {
  await testDb().db.execute(sql`truncate users, organizations, applications, meetings, audit_log cascade`);
  admin = await make.user("admin");
});

describe("the meeting form's rules", () => {
  it("accept a complete edition, upper-casing its number", () => {
    expect(meetingSchema.parse(edition({ number: " xxx " }))).toMatchObject({ number: "XXX", participantQuota: 3, observerQuota: 2 });
  });

  it("name the field to fix for each broken rule", () => {
    const issues = (overrides: Record<string, string>) =>
      meetingSchema.safeParse(edition(overrides)).error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ number: "30" })).toEqual([["number", "MeetingValidation.number"]]);
    expect(issues({ hostCountry: "FR" })).toEqual([["hostCountry", "required"]]);
    expect(issues({ endsOn: "2031-11-09" })).toEqual([["endsOn", "MeetingValidation.endsBeforeStart"]]);
    expect(issues({ applicationClosesOn: "2031-03-01" })).toEqual([["applicationClosesOn", "MeetingValidation.windowOrder"]]);
    expect(issues({ nominationDeadlineOn: "2031-11-10" })).toEqual([["nominationDeadlineOn", "MeetingValidation.nominationAfterStart"]]);
    expect(issues({ participantQuota: "0" })).toEqual([["participantQuota", "MeetingValidation.quota"]]);
    expect(issues({ observerQuota: "21" })).toEqual([["observerQuota", "MeetingValidation.quota"]]);
    expect(issues({ participantQuota: "2.5" })).toEqual([["participantQuota", "MeetingValidation.quota"]]);
    expect(issues({ startsOn: "" })[0]).toEqual(["startsOn", "MeetingValidation.date"]);
  });
});

describe("createMeeting and updateMeeting", () => {
  it("create an edition whose window runs from the first to the last instant of its days, with an audit row", async () => {
    const { id } = await createMeeting(admin, edition());
    const [row] = await testDb().db.select().from(meetings).where(eq(meetings.id, id));
    expect(row).toMatchObject({
      number: "XXX",
      hostCountry: "UY",
      city: "Montevideo",
      startsOn: "2031-11-10",
      endsOn: "2031-11-11",
      participantQuota: 3,
      observerQuota: 2,
    });
    expect(row!.applicationOpensAt!.toISOString()).toBe("2031-03-01T05:00:00.000Z");
    expect(row!.applicationClosesAt!.toISOString()).toBe("2031-07-01T04:59:59.999Z");
    expect(row!.nominationDeadline).toEqual(endOfDay("2031-10-01"));
    const [audit] = await testDb().db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit).toMatchObject({ action: "meeting.create", actorId: admin.id, targetType: "meeting" });

    const meeting = await getMeeting(admin, id, new Date("2031-04-01T00:00:00Z"));
    expect(meeting).toMatchObject({ windowState: "open", values: edition() });
  });

  it("refuse invalid input, a taken number and an overlapping window, changing nothing", async () => {
    await createMeeting(admin, edition());
    await expectAppError(createMeeting(admin, edition({ number: "XXXI", endsOn: "2031-01-01" })), "invalid");
    const taken = await rejection(createMeeting(admin, edition({ number: "xxx", applicationOpensOn: "2032-03-01", applicationClosesOn: "2032-06-30" })));
    expect(taken).toBeInstanceOf(MeetingConflictError);
    expect(taken).toMatchObject({ reason: "numberTaken", other: "XXX" });
    // Overlapping by one day at either end, or inside it.
    for (const [opens, closes] of [
      ["2031-01-01", "2031-03-01"],
      ["2031-06-30", "2031-08-01"],
      ["2031-04-01", "2031-04-02"],
    ]) {
      const overlap = await rejection(createMeeting(admin, edition({ number: "XXXI", applicationOpensOn: opens!, applicationClosesOn: closes! })));
      expect(overlap).toMatchObject({ reason: "windowOverlap", other: "XXX" });
    }
    expect(await testDb().db.select().from(meetings)).toHaveLength(1);
    // The day after the other window closes is free.
    await createMeeting(admin, edition({ number: "XXXI", applicationOpensOn: "2031-07-01", applicationClosesOn: "2031-08-01" }));
  });

  it("edit an edition (its own window never counts as an overlap), refusing a stale form and a clash", async () => {
    const { id } = await createMeeting(admin, edition());
    await createMeeting(
      admin,
      edition({ number: "XXXI", startsOn: "2032-11-10", endsOn: "2032-11-11", applicationOpensOn: "2032-03-01", applicationClosesOn: "2032-06-30" }),
    );
    const before = (await getMeeting(admin, id))!;
    await updateMeeting(admin, id, before.version, edition({ city: "Punta del Este", applicationClosesOn: "2031-07-15", observerQuota: "4" }));
    const after = (await getMeeting(admin, id))!;
    expect(after.values).toMatchObject({ city: "Punta del Este", applicationClosesOn: "2031-07-15", observerQuota: "4" });
    expect(after.version).not.toBe(before.version);
    // A second admin's form, filled before this edit, is refused instead of undoing it.
    await expectAppError(updateMeeting(admin, id, before.version, edition({ city: "Salto" })), "conflict");
    expect((await getMeeting(admin, id))!.city).toBe("Punta del Este");
    expect(await rejection(updateMeeting(admin, id, after.version, edition({ applicationClosesOn: "2032-03-01" })))).toMatchObject({
      reason: "windowOverlap",
      other: "XXXI",
    });
    expect(await rejection(updateMeeting(admin, id, after.version, edition({ number: "XXXI" })))).toMatchObject({ reason: "numberTaken" });
    const audits = await testDb()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "meeting.update")));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.data).toMatchObject({ old: { city: "Montevideo" }, new: { city: "Punta del Este" } });
    await expectAppError(updateMeeting(admin, "00000000-0000-4000-8000-000000000000", after.version, edition()), "not_found");
  });

  it("refuse reviewers and applicants, who may still not reach the forms' data", async () => {
    const reviewer = await make.user("reviewer");
    const applicant = await make.user("applicant");
    const { id } = await createMeeting(admin, edition());
    await expectAppError(createMeeting(reviewer, edition({ number: "XXXI" })), "forbidden");
    await expectAppError(updateMeeting(reviewer, id, "x", edition()), "forbidden");
    await expectAppError(createMeeting(applicant, edition({ number: "XXXI" })), "forbidden");
    await expectAppError(createMeeting(null, edition({ number: "XXXI" })), "unauthenticated");
    await expectAppError(listMeetings(applicant), "forbidden");
    await expectAppError(getMeeting(applicant, id), "forbidden");
    // Reviewers read the editions.
    expect((await listMeetings(reviewer)).map((meeting) => meeting.number)).toEqual(["XXX"]);
    expect(await testDb().db.select().from(meetings)).toHaveLength(1);
  });

  it("list editions newest first with the state of each window", async () => {
    const now = new Date("2031-04-01T12:00:00Z");
    await createMeeting(
      admin,
      edition({
        number: "XXIX",
        startsOn: "2030-11-10",
        endsOn: "2030-11-11",
        applicationOpensOn: "2030-03-01",
        applicationClosesOn: "2030-06-30",
        nominationDeadlineOn: "2030-10-01",
      }),
    );
    await createMeeting(admin, edition());
    await createMeeting(
      admin,
      edition({ number: "XXXI", startsOn: "2032-11-10", endsOn: "2032-11-11", applicationOpensOn: "2032-03-01", applicationClosesOn: "2032-06-30" }),
    );
    expect((await listMeetings(admin, now)).map((meeting) => [meeting.number, meeting.windowState])).toEqual([
      ["XXXI", "upcoming"],
      ["XXX", "open"],
      ["XXIX", "closed"],
    ]);
  });
});

describe("application windows and drafts", () => {
  async function openWindow(number: string) {
    const [row] = await testDb()
      .db.insert(meetings)
      .values({ number, hostCountry: "CL", applicationOpensAt: new Date(Date.now() - 86_400_000), applicationClosesAt: new Date(Date.now() + 86_400_000) })
      .returning({ id: meetings.id });
    return row!.id;
  }

  it("keep a draft started outside any window, refuse to submit it (saying when the next window opens), and file it under the window once open", async () => {
    const { db } = testDb();
    const opensAt = startOfDay("2031-03-01");
    await createMeeting(admin, edition());
    const actor = await createUser(db, "applicant");
    const { applicationId } = await createOrganization(actor, organizationAnswers());
    await completeDraft(actor, applicationId);

    const refused = await rejection(submitApplication(actor, applicationId, mail));
    expect(refused).toBeInstanceOf(WindowClosedError);
    expect((refused as WindowClosedError).next).toEqual({ number: "XXX", opensAt });
    const [kept] = await db.select().from(applications).where(eq(applications.id, applicationId));
    expect(kept).toMatchObject({ status: "draft", meetingId: null, submittedAt: null });
    expect(kept!.completedSections.length).toBeGreaterThan(4);

    const meetingId = await openWindow("XXIX");
    await submitApplication(actor, applicationId, mail);
    expect((await db.select().from(applications).where(eq(applications.id, applicationId)))[0]).toMatchObject({ status: "submitted", meetingId });
  });

  it("file a draft started in one window under the window open when it is submitted", async () => {
    const { db } = testDb();
    const first = await openWindow("XXVIII");
    const actor = await createUser(db, "applicant");
    const { applicationId } = await createOrganization(actor, organizationAnswers());
    expect((await db.select().from(applications).where(eq(applications.id, applicationId)))[0]!.meetingId).toBe(first);
    await completeDraft(actor, applicationId);
    await db
      .update(meetings)
      .set({ applicationClosesAt: new Date(Date.now() - 1000) })
      .where(eq(meetings.id, first));
    await expectAppError(submitApplication(actor, applicationId, mail), "conflict");
    const second = await openWindow("XXIX");
    await submitApplication(actor, applicationId, mail);
    expect((await db.select().from(applications).where(eq(applications.id, applicationId)))[0]!.meetingId).toBe(second);
  });

  it("name on a draft the meeting sending it would file it under, not the window it was started in, or none when no window is open", async () => {
    const { db } = testDb();
    const first = await openWindow("XXVIII");
    const actor = await createUser(db, "applicant");
    const { applicationId } = await createOrganization(actor, organizationAnswers());
    const draftMeeting = async () => ({
      own: (await getOwnApplication(actor, applicationId))!.meeting?.number ?? null,
      home: (await listOwnOrganizations(actor)).organizations[0]!.applications[0]!.meetingNumber,
    });
    expect(await draftMeeting()).toEqual({ own: "XXVIII", home: "XXVIII" });
    await db
      .update(meetings)
      .set({ applicationClosesAt: new Date(Date.now() - 1000) })
      .where(eq(meetings.id, first));
    expect(await draftMeeting()).toEqual({ own: null, home: null });
    await openWindow("XXIX");
    expect(await draftMeeting()).toEqual({ own: "XXIX", home: "XXIX" });
    await completeDraft(actor, applicationId);
    await submitApplication(actor, applicationId, mail);
    await db.update(meetings).set({ applicationClosesAt: new Date(Date.now() - 1000) });
    expect(await draftMeeting()).toEqual({ own: "XXIX", home: "XXIX" });
  });

  it("start a renewal only for an organization whose accreditation is in force, one at a time", async () => {
    const { db } = testDb();
    await openWindow("XXIX");
    const actor = await createUser(db, "applicant");
    const { organizationId, applicationId } = await createOrganization(actor, organizationAnswers());
    await db.update(applications).set({ status: "withdrawn" }).where(eq(applications.id, applicationId));
    await db.execute(sql`insert into accreditations (organization_id, category, status) values (${organizationId}, 'participant', 'active')`);
    const renewalId = await startApplication(actor, organizationId);
    expect((await db.select().from(applications).where(eq(applications.id, renewalId)))[0]).toMatchObject({ isRenewal: true, status: "draft" });
    await expectAppError(startApplication(actor, organizationId), "conflict");
  });
});

describe("renewals in the review queue", () => {
  it("are marked on each row, filtered by kind and exported with their kind", async () => {
    const reviewer = await make.user("reviewer");
    const token = "kindtoken";
    const fresh = await make.application(await make.organization(`Asociación Nueva ${token}`), "submitted");
    const renewal = await make.application(await make.organization(`Red Renovada ${token}`), "in_review", { isRenewal: true });
    // A renewal still in draft is the applicant's, not the queue's.
    await make.application(await make.organization(`Borrador Renovado ${token}`), "draft", { isRenewal: true });
    const ids = async (query: string) =>
      (await listReviewQueue(reviewer, parseQueueFilters(new URLSearchParams(`q=${token}&${query}`)))).rows.map((row) => [row.id, row.isRenewal]);
    expect((await ids("")).sort()).toEqual(
      [
        [fresh, false],
        [renewal, true],
      ].sort(),
    );
    expect(await ids("kind=renewal")).toEqual([[renewal, true]]);
    expect(await ids("kind=new")).toEqual([[fresh, false]]);
    expect(await ids("kind=bogus")).toHaveLength(2);
    expect((await exportReviewQueue(reviewer, parseQueueFilters(new URLSearchParams(`q=${token}&kind=renewal`)))).map((row) => row.id)).toEqual([renewal]);
  });
});
