import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { respondToInformationRequest, submitApplication } from "@/db/queries/applications-own";
import { recommendApplication } from "@/db/queries/review-actions";
import { getStaffNoticePreference, setStaffNoticePreference } from "@/db/queries/staff-notice-preference";
import { applyTransition } from "@/db/queries/transitions";
import { applications, emailOutbox, meetings, organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { Locale, Role } from "@/lib/domain";
import { en, es, pt } from "@/lib/i18n/catalog-files";
import { completeDraft, newApplicant } from "../support/applicant-fixtures";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const origin = "http://localhost:3000";
const mail = { origin, locale: "es" as const };
const catalogs = { es, pt, en };
const DAY = 86_400_000;

beforeEach(async () => {
  const { db } = testDb();
  await db.execute(sql`truncate users, organizations, applications, documents, document_blobs, email_outbox, audit_log, meetings cascade`);
  await db
    .insert(meetings)
    .values({ number: "XXV", hostCountry: "CL", applicationOpensAt: new Date(Date.now() - DAY), applicationClosesAt: new Date(Date.now() + 30 * DAY) });
});

/** A staff member who has signed in (their address proven), unless `invited` only. */
async function staff(role: Role, locale: Locale | null, { notices = true, deactivated = false, invited = false } = {}): Promise<Actor> {
  const person = await make.user(role, { locale });
  await testDb()
    .db.update(users)
    .set({ staffNotices: notices, deactivatedAt: deactivated ? new Date() : null, emailVerified: invited ? null : new Date() })
    .where(eq(users.id, person.id));
  return person;
}

const outbox = () => testDb().db.select().from(emailOutbox);
const subjectOf = (locale: Locale, kind: "submitted" | "answered" | "recommended", organization: string) =>
  catalogs[locale].StaffEmail[kind].subject.replace("{organization}", organization);

/** A complete application, submitted by its applicant; the outbox is emptied after. */
async function submittedApplication() {
  const applicant = await newApplicant(testDb().db, "pt");
  await completeDraft(applicant.actor, applicant.applicationId);
  await submitApplication(applicant.actor, applicant.applicationId, mail);
  await testDb().db.delete(emailOutbox);
  return { ...applicant, organization: await organizationName(applicant.organizationId) };
}

async function organizationName(organizationId: string): Promise<string> {
  const [row] = await testDb().db.select({ name: organizations.legalName }).from(organizations).where(eq(organizations.id, organizationId));
  return row!.name;
}

describe("a submission", () => {
  it("mails every active, signed-in staff member who keeps notices on, once each, in their own language, with the review page", async () => {
    const reviewerPt = await staff("reviewer", "pt");
    const adminEn = await staff("admin", "en");
    const noLanguage = await staff("reviewer", null);
    const optedOut = await staff("admin", "es", { notices: false });
    const gone = await staff("reviewer", "en", { deactivated: true });
    const invited = await staff("reviewer", "en", { invited: true });
    const applicant = await newApplicant(testDb().db, "en");
    await completeDraft(applicant.actor, applicant.applicationId);

    await submitApplication(applicant.actor, applicant.applicationId, mail);

    const rows = await outbox();
    const byRecipient = new Map(rows.map((row) => [row.to, row]));
    expect(rows.map((row) => row.to).sort()).toEqual([applicant.actor.email, reviewerPt.email, adminEn.email, noLanguage.email].sort());
    expect(byRecipient.has(optedOut.email)).toBe(false);
    expect(byRecipient.has(gone.email)).toBe(false);
    expect(byRecipient.has(invited.email)).toBe(false);
    // The applicant's own confirmation is unchanged.
    expect(byRecipient.get(applicant.actor.email)).toMatchObject({ kind: "submission" });

    const organization = await organizationName(applicant.organizationId);
    for (const [person, locale] of [
      [reviewerPt, "pt"],
      [adminEn, "en"],
      [noLanguage, "es"],
    ] as const) {
      const notice = byRecipient.get(person.email)!;
      expect(notice).toMatchObject({ kind: "staff-submission", dedupeKey: expect.stringContaining(person.id) });
      expect(notice.subject).toBe(subjectOf(locale, "submitted", organization));
      expect(notice.text).toContain(`${origin}/${locale}/secretariat/applications/${applicant.applicationId}`);
      expect(notice.text).toContain(`${origin}/${locale}/account`);
    }
  });
});

describe("an answer to an information request", () => {
  async function answered(assignedReviewerId: string | null) {
    const application = await submittedApplication();
    const reviewer = await staff("reviewer", "en");
    const { db } = testDb();
    await db.update(applications).set({ assignedReviewerId }).where(eq(applications.id, application.applicationId));
    await db.transaction((tx) => applyTransition(tx, reviewer, { applicationId: application.applicationId, transition: "start_review" }));
    await db.transaction((tx) =>
      applyTransition(tx, reviewer, {
        applicationId: application.applicationId,
        transition: "request_info",
        message: "Adjunte el informe.",
        data: { sections: ["work"] },
      }),
    );
    await respondToInformationRequest(application.actor, application.applicationId, "Adjuntamos el informe 2025.", mail);
    return application;
  }

  it("mails the assigned reviewer only, in their language, with the answer", async () => {
    const assigned = await staff("reviewer", "pt");
    await staff("admin", "en");
    const application = await answered(assigned.id);
    const rows = await outbox();
    expect(rows.map((row) => row.to)).toEqual([assigned.email]);
    expect(rows[0]).toMatchObject({ kind: "answer", subject: subjectOf("pt", "answered", application.organization) });
    expect(rows[0]!.text).toContain("Adjuntamos el informe 2025.");
    expect(rows[0]!.text).toContain(`/pt/secretariat/applications/${application.applicationId}`);
  });

  it("mails no one when the assigned reviewer turned notices off", async () => {
    const assigned = await staff("reviewer", "es", { notices: false });
    await staff("admin", "en");
    await answered(assigned.id);
    expect(await outbox()).toEqual([]);
  });

  it("mails the opted-in staff when no active reviewer is assigned", async () => {
    const gone = await staff("reviewer", "es", { deactivated: true });
    const admin = await staff("admin", "es");
    await staff("admin", "pt", { notices: false });
    await answered(gone.id);
    // The reviewer made by answered() (en) and the admin keep notices on.
    const recipients = (await outbox()).map((row) => row.to);
    expect(recipients).toHaveLength(2);
    expect(recipients).toContain(admin.email);
    expect(recipients).not.toContain(gone.email);
  });
});

describe("a recommendation", () => {
  it("mails the active administrators who keep notices on, not the author nor reviewers, in their language", async () => {
    const author = await staff("admin", "es");
    const adminPt = await staff("admin", "pt");
    const adminEn = await staff("admin", "en");
    const optedOut = await staff("admin", "es", { notices: false });
    const gone = await staff("admin", "es", { deactivated: true });
    const reviewer = await staff("reviewer", "es");
    const org = await make.organization("Red Recomendada");
    const applicationId = await make.application(org, "in_review");

    await recommendApplication(author, { applicationId, recommendation: "observer", rationale: "Cumple los criterios." });

    const rows = await outbox();
    expect(rows.map((row) => row.to).sort()).toEqual([adminPt.email, adminEn.email].sort());
    for (const absent of [author, optedOut, gone, reviewer]) expect(rows.some((row) => row.to === absent.email)).toBe(false);
    const toPt = rows.find((row) => row.to === adminPt.email)!;
    expect(toPt).toMatchObject({ kind: "staff-recommendation", subject: subjectOf("pt", "recommended", "Red Recomendada") });
    expect(toPt.text).toContain(pt.StaffEmail.recommended.observer.replace("{reviewer}", author.email).replace("{organization}", "Red Recomendada"));
    expect(toPt.text).toContain(`/pt/secretariat/applications/${applicationId}`);
    expect(toPt.text).not.toContain("Cumple los criterios.");
  });

  it("queues nothing when the recommendation fails", async () => {
    const author = await staff("reviewer", "es");
    await staff("admin", "es");
    const org = await make.organization("Red Enviada");
    const applicationId = await make.application(org, "submitted");
    await expectAppError(recommendApplication(author, { applicationId, recommendation: "participant", rationale: "x" }), "conflict");
    expect(await outbox()).toEqual([]);
  });
});

describe("the staff notices preference", () => {
  it("persists for the asking staff member, and stops their notices", async () => {
    const reviewer = await staff("reviewer", "es");
    expect(await getStaffNoticePreference(reviewer)).toBe(true);
    await setStaffNoticePreference(reviewer, { userId: reviewer.id, enabled: false });
    expect(await getStaffNoticePreference(reviewer)).toBe(false);

    const applicant = await newApplicant(testDb().db);
    await completeDraft(applicant.actor, applicant.applicationId);
    await submitApplication(applicant.actor, applicant.applicationId, mail);
    expect(await make.mailTo(reviewer.email)).toEqual([]);
    // The applicant's own notice still goes out.
    expect(await make.mailTo(applicant.actor.email)).toHaveLength(1);

    await setStaffNoticePreference(reviewer, { userId: reviewer.id, enabled: true });
    expect(await getStaffNoticePreference(reviewer)).toBe(true);
  });

  it("refuses another person's id, an applicant, a deactivated account and malformed input, changing nothing", async () => {
    const reviewer = await staff("reviewer", "es");
    const admin = await staff("admin", "es");
    const applicant = await make.user("applicant");
    const gone = await staff("reviewer", "es", { deactivated: true });

    await expectAppError(setStaffNoticePreference(admin, { userId: reviewer.id, enabled: false }), "forbidden");
    await expectAppError(setStaffNoticePreference(applicant, { userId: applicant.id, enabled: false }), "forbidden");
    await expectAppError(getStaffNoticePreference(applicant), "forbidden");
    await expectAppError(setStaffNoticePreference(gone, { userId: gone.id, enabled: false }), "forbidden");
    await expectAppError(setStaffNoticePreference(null, { userId: reviewer.id, enabled: false }), "unauthenticated");
    await expectAppError(setStaffNoticePreference(reviewer, { userId: reviewer.id, enabled: "no" as unknown as boolean }), "invalid");

    const rows = await testDb().db.select({ id: users.id, staffNotices: users.staffNotices }).from(users);
    expect(rows.every((row) => row.staffNotices)).toBe(true);
  });
});
