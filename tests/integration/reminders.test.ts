import { randomUUID } from "node:crypto";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { getReminderSchedule, updateReminderSchedule } from "@/db/queries/meeting-reminders";
import { accreditations, applicationHistory, applications, auditLog, delegates, emailOutbox, meetings, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { AccreditationCategory, AccreditationStatus, ApplicationStatus, Locale } from "@/lib/domain";
import { isoWeek } from "@/lib/reminder-schedule";
import { runReminders } from "@/lib/server/jobs/reminders";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const fromNow = (days: number) => new Date(Date.now() + days * DAY);
const dayFromNow = (days: number) => fromNow(days).toISOString().slice(0, 10);

/** A fragment of each language's subject, so a test can tell which language a reminder is in. */
const LANGUAGE_OF_SUBJECT: Record<string, Record<Locale, string>> = {
  draft: { es: "no ha sido enviada", pt: "não foi enviada", en: "has not been sent" },
  infoRequest: { es: "espera la respuesta", pt: "aguarda a resposta", en: "is waiting for" },
  nomination: { es: "aún puede nominar", pt: "ainda pode indicar", en: "can still nominate" },
  digest: { es: "le espera", pt: "aguarda você", en: "waiting for you" },
};

async function reminders() {
  return testDb()
    .db.select({ to: emailOutbox.to, subject: emailOutbox.subject, text: emailOutbox.text, key: emailOutbox.dedupeKey, kind: emailOutbox.kind })
    .from(emailOutbox)
    .where(like(emailOutbox.dedupeKey, "reminder:%"));
}

async function deliveryJobs(): Promise<number> {
  const [row] = rowsOf<{ count: number }>(await testDb().db.execute(sql`select count(*)::int as count from pgboss.job where name = 'email-deliver'`));
  return Number(row!.count);
}

/** An organization with one member per given language (null: no saved language) and one deactivated member. */
async function organizationWithMembers(name: string, locales: (Locale | null)[]) {
  const organizationId = await make.organization(`${name} ${randomUUID().slice(0, 6)}`);
  const members: Actor[] = [];
  for (const locale of locales) {
    const member = await make.user("applicant", { locale, email: `${name.toLowerCase()}-${locale ?? "none"}-${randomUUID().slice(0, 6)}@example.org` });
    await make.member(organizationId, member.id);
    members.push(member);
  }
  const gone = await make.user("applicant", { locale: "en" });
  await make.member(organizationId, gone.id);
  await testDb().db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
  return { organizationId, members, gone };
}

async function infoRequested(organizationId: string, meetingId: string, requestedDaysAgo: number[]): Promise<string> {
  const applicationId = await make.application(organizationId, "info_requested", { meetingId });
  for (const days of requestedDaysAgo) {
    await testDb()
      .db.insert(applicationHistory)
      .values({
        applicationId,
        kind: "transition",
        fromStatus: "in_review",
        toStatus: "info_requested",
        visibleToApplicant: true,
        createdAt: fromNow(-days),
      });
  }
  return applicationId;
}

async function accredit(organizationId: string, category: AccreditationCategory, status: AccreditationStatus = "active") {
  await testDb().db.insert(accreditations).values({ organizationId, category, status });
}

async function nominate(organizationId: string, meetingId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await testDb()
      .db.insert(delegates)
      .values({ organizationId, meetingId, name: `Delegate ${i}`, email: `d-${randomUUID()}@example.org` });
  }
}

async function assigned(
  reviewerId: string,
  status: ApplicationStatus,
  { updatedDaysAgo, historyDaysAgo }: { updatedDaysAgo: number; historyDaysAgo?: number },
) {
  const organizationId = await make.organization(`Reviewed ${randomUUID().slice(0, 6)}`);
  const applicationId = await make.application(organizationId, status, { assignedReviewerId: reviewerId, updatedAt: fromNow(-updatedDaysAgo) });
  if (historyDaysAgo !== undefined) {
    await testDb()
      .db.insert(applicationHistory)
      .values({ applicationId, kind: "note", visibleToApplicant: false, createdAt: fromNow(-historyDaysAgo) });
  }
  return applicationId;
}

describe("scheduled reminders", () => {
  it("queues each due reminder once, to the right people, in their language, and a second run queues nothing", async () => {
    const db = testDb().db;
    // Applications close in 3 days (the 7-day reminder is due, the 1-day one not yet); nominations close in 4 days.
    const [meeting] = await db
      .insert(meetings)
      .values({
        number: "XCI",
        hostCountry: "CL",
        startsOn: dayFromNow(30),
        endsOn: dayFromNow(31),
        applicationOpensAt: fromNow(-30),
        applicationClosesAt: fromNow(3),
        nominationDeadline: fromNow(4),
        participantQuota: 3,
        observerQuota: 2,
      })
      .returning({ id: meetings.id });
    const meetingId = meeting!.id;

    // Drafts: one organization with a draft, one whose application is already sent.
    const drafting = await organizationWithMembers("Drafting", ["es", "pt", "en", null]);
    const draftId = await make.application(drafting.organizationId, "draft");
    const sent = await organizationWithMembers("Sent", ["en"]);
    await make.application(sent.organizationId, "submitted", { meetingId });

    // Information requests: waiting 8 days (due), 2 days (not yet), and an old one answered by a newer request 1 day ago.
    const waiting = await organizationWithMembers("Waiting", ["pt"]);
    const waitingApplication = await infoRequested(waiting.organizationId, meetingId, [8]);
    const recent = await organizationWithMembers("Recent", ["es"]);
    await infoRequested(recent.organizationId, meetingId, [2]);
    const asked = await organizationWithMembers("Asked", ["en"]);
    await infoRequested(asked.organizationId, meetingId, [10, 1]);

    // Nominations: places left, quota full, suspended.
    const withPlaces = await organizationWithMembers("Places", ["en", "es"]);
    await accredit(withPlaces.organizationId, "participant");
    await nominate(withPlaces.organizationId, meetingId, 1);
    const full = await organizationWithMembers("Full", ["es"]);
    await accredit(full.organizationId, "observer");
    await nominate(full.organizationId, meetingId, 2);
    const suspended = await organizationWithMembers("Suspended", ["es"]);
    await accredit(suspended.organizationId, "participant", "suspended");

    // Reviewers: untouched for 6 days (due) and 1 day (not); one with a note yesterday; a deactivated admin.
    const reviewer = await make.user("reviewer", { locale: "pt" });
    const idle = await assigned(reviewer.id, "in_review", { updatedDaysAgo: 6, historyDaysAgo: 6 });
    const idleSubmitted = await assigned(reviewer.id, "submitted", { updatedDaysAgo: 9 });
    await assigned(reviewer.id, "in_review", { updatedDaysAgo: 1 });
    const busy = await make.user("reviewer", { locale: "en" });
    await assigned(busy.id, "in_review", { updatedDaysAgo: 10, historyDaysAgo: 1 });
    const away = await make.user("admin", { locale: "en" });
    await assigned(away.id, "in_review", { updatedDaysAgo: 10 });
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, away.id));

    const jobsBefore = await deliveryJobs();
    const counts = await runReminders(new Date());
    expect(counts).toEqual({ drafts: 4, infoRequests: 1, nominations: 2, reviewerDigests: 1, consultationReminders: 0, consultationsClosed: 0 });

    const queued = await reminders();
    expect(queued).toHaveLength(8);
    expect(queued.every((mail) => mail.kind === "reminder")).toBe(true);
    expect(await deliveryJobs()).toBe(jobsBefore + 8);
    const to = (address: string) => queued.filter((mail) => mail.to === address);

    const [es, pt, en, none] = drafting.members;
    for (const [member, locale] of [
      [es, "es"],
      [pt, "pt"],
      [en, "en"],
      [none, "es"],
    ] as const) {
      const [mail, ...more] = to(member!.email);
      expect(more).toEqual([]);
      expect(mail!.subject).toContain(LANGUAGE_OF_SUBJECT.draft![locale]);
      expect(mail!.subject).toContain("XCI");
      expect(mail!.key).toBe(`reminder:draft:${meetingId}:7:${draftId}:${member!.id}`);
      expect(mail!.text).toContain(`/${locale}/applicant/applications/${draftId}`);
    }
    expect(to(en!.email)[0]!.subject).toMatch(/^3 days left/);
    expect(to(drafting.gone.email)).toEqual([]);
    expect(to(sent.members[0]!.email)).toEqual([]);

    const [answer] = to(waiting.members[0]!.email);
    expect(answer!.subject).toContain(LANGUAGE_OF_SUBJECT.infoRequest!.pt);
    expect(answer!.text).toContain(`/pt/applicant/applications/${waitingApplication}`);
    expect(to(recent.members[0]!.email)).toEqual([]);
    expect(to(asked.members[0]!.email)).toEqual([]);

    const [placesEn, placesEs] = withPlaces.members;
    expect(to(placesEn!.email)[0]!.subject).toMatch(/can still nominate 2 delegates for the XCI CSM$/);
    expect(to(placesEs!.email)[0]!.subject).toContain(LANGUAGE_OF_SUBJECT.nomination!.es);
    expect(to(placesEs!.email)[0]!.text).toContain(`/es/applicant/organizations/${withPlaces.organizationId}/delegates`);
    expect(to(full.members[0]!.email)).toEqual([]);
    expect(to(suspended.members[0]!.email)).toEqual([]);

    const [digest, ...moreDigests] = to(reviewer.email);
    expect(moreDigests).toEqual([]);
    expect(digest!.subject).toBe("2 candidaturas atribuídas aguardam você");
    expect(digest!.text).toContain(`/pt/secretariat/applications/${idle}`);
    expect(digest!.text).toContain(`/pt/secretariat/applications/${idleSubmitted}`);
    expect(digest!.text.match(/\/secretariat\/applications\//g)).toHaveLength(2);
    expect(to(busy.email)).toEqual([]);
    expect(to(away.email)).toEqual([]);

    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "reminders.run"));
    expect(audits.map((row) => row.data)).toEqual([counts]);

    // The scheduler again, at once and an hour apart: nothing more, and no audit row for an empty run. (Within
    // the same ISO week: on Sunday's last hour, an hour later is next week's digest, rightly sent.)
    expect(await runReminders(new Date())).toEqual({
      drafts: 0,
      infoRequests: 0,
      nominations: 0,
      reviewerDigests: 0,
      consultationReminders: 0,
      consultationsClosed: 0,
    });
    const hourLater = new Date(Date.now() + HOUR);
    const hourApart = isoWeek(hourLater) === isoWeek(new Date()) ? hourLater : new Date(Date.now() - HOUR);
    expect(await runReminders(hourApart)).toEqual({
      drafts: 0,
      infoRequests: 0,
      nominations: 0,
      reviewerDigests: 0,
      consultationReminders: 0,
      consultationsClosed: 0,
    });
    expect(await reminders()).toHaveLength(8);
    expect(await deliveryJobs()).toBe(jobsBefore + 8);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "reminders.run"))).toHaveLength(1);

    // A day before the window closes the 1-day reminder is due: once more to each active member, then never again.
    await db
      .update(meetings)
      .set({ applicationClosesAt: fromNow(0.5) })
      .where(eq(meetings.id, meetingId));
    expect((await runReminders(new Date())).drafts).toBe(4);
    expect((await runReminders(new Date())).drafts).toBe(0);
    const lastDay = (await reminders()).filter((mail) => mail.key?.startsWith(`reminder:draft:${meetingId}:1:`));
    expect(lastDay.map((mail) => mail.to).sort()).toEqual(drafting.members.map((member) => member.email).sort());
    expect(lastDay.find((mail) => mail.to === en!.email)!.subject).toMatch(/^1 day left/);

    // Once the deadline has passed nothing is due, and the sent drafts' organizations were never reminded.
    await db
      .update(meetings)
      .set({ applicationClosesAt: fromNow(-0.1), nominationDeadline: fromNow(-0.1) })
      .where(eq(meetings.id, meetingId));
    expect(await runReminders(new Date())).toMatchObject({ drafts: 0, nominations: 0 });
    // Out of the next test's way.
    await db
      .update(applications)
      .set({ status: "withdrawn" })
      .where(inArray(applications.status, ["draft", "info_requested"]));
    await db.update(accreditations).set({ status: "suspended" });
  });

  it("follows the meeting's schedule: no reminder when its list of days is empty", async () => {
    const db = testDb().db;
    const admin = await make.user("admin");
    const [meeting] = await db
      .insert(meetings)
      .values({
        number: "XCII",
        hostCountry: "AR",
        startsOn: dayFromNow(20),
        applicationOpensAt: fromNow(-5),
        applicationClosesAt: fromNow(2),
        nominationDeadline: fromNow(3),
      })
      .returning({ id: meetings.id });
    const drafting = await organizationWithMembers("Quiet", ["es"]);
    await make.application(drafting.organizationId, "draft");
    const accredited = await organizationWithMembers("QuietPlaces", ["es"]);
    await accredit(accredited.organizationId, "participant");

    const schedule = await getReminderSchedule(admin, meeting!.id);
    await updateReminderSchedule(admin, meeting!.id, schedule!.version, {
      draftReminderDays: "",
      infoRequestReminderDays: "7",
      nominationReminderDays: " ",
      reviewerReminderDays: "5",
    });
    expect(await runReminders(new Date())).toMatchObject({ drafts: 0, nominations: 0 });

    const again = await getReminderSchedule(admin, meeting!.id);
    await updateReminderSchedule(admin, meeting!.id, again!.version, {
      draftReminderDays: "3",
      infoRequestReminderDays: "7",
      nominationReminderDays: "5, 10",
      reviewerReminderDays: "5",
    });
    expect(await runReminders(new Date())).toMatchObject({ drafts: 1, nominations: 1 });
    const [nomination] = (await reminders()).filter((mail) => mail.to === accredited.members[0]!.email);
    expect(nomination!.key).toBe(`reminder:nomination:${meeting!.id}:5:${accredited.organizationId}:${accredited.members[0]!.id}`);
  });
});

describe("the reminder schedule of a meeting", () => {
  it("is read by staff, changed by admins only, validated, audited, and refused on a stale version", async () => {
    const db = testDb().db;
    const admin = await make.user("admin");
    const reviewer = await make.user("reviewer");
    const applicant = await make.user("applicant");
    const [meeting] = await db.insert(meetings).values({ number: "XCIII", hostCountry: "PE" }).returning({ id: meetings.id });
    const id = meeting!.id;

    const initial = await getReminderSchedule(reviewer, id);
    expect(initial).toMatchObject({
      draftReminderDays: [7, 1],
      infoRequestReminderDays: 7,
      nominationReminderDays: [5],
      reviewerReminderDays: 5,
      values: { draftReminderDays: "7, 1", infoRequestReminderDays: "7", nominationReminderDays: "5", reviewerReminderDays: "5" },
    });
    await expectAppError(getReminderSchedule(applicant, id), "forbidden");
    expect(await getReminderSchedule(admin, randomUUID())).toBeNull();

    const input = { draftReminderDays: "1 14,3", infoRequestReminderDays: "10", nominationReminderDays: "", reviewerReminderDays: "4" };
    await expectAppError(updateReminderSchedule(reviewer, id, initial!.version, input), "forbidden");
    await expectAppError(updateReminderSchedule(admin, id, initial!.version, { ...input, draftReminderDays: "7, 7" }), "invalid");
    await expectAppError(updateReminderSchedule(admin, id, initial!.version, { ...input, reviewerReminderDays: "0" }), "invalid");
    await expectAppError(updateReminderSchedule(admin, id, initial!.version, { ...input, draftReminderDays: "91" }), "invalid");
    expect((await getReminderSchedule(admin, id))!.version).toBe(initial!.version);

    await updateReminderSchedule(admin, id, initial!.version, input);
    expect(await getReminderSchedule(admin, id)).toMatchObject({
      draftReminderDays: [14, 3, 1],
      infoRequestReminderDays: 10,
      nominationReminderDays: [],
      reviewerReminderDays: 4,
    });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "meeting.reminders_update"), eq(auditLog.targetId, id)));
    expect(audit!.actorId).toBe(admin.id);
    expect(audit!.data).toEqual({
      old: { draftReminderDays: "7, 1", infoRequestReminderDays: "7", nominationReminderDays: "5", reviewerReminderDays: "5" },
      new: { draftReminderDays: "14, 3, 1", infoRequestReminderDays: "10", nominationReminderDays: "", reviewerReminderDays: "4" },
    });

    // A second admin's form, filled before the first saved, changes nothing.
    await expectAppError(updateReminderSchedule(admin, id, initial!.version, { ...input, reviewerReminderDays: "9" }), "conflict");
    expect((await getReminderSchedule(admin, id))!.reviewerReminderDays).toBe(4);
  });
});
