import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { getApplicationForReview } from "@/db/queries/application-review";
import { withdrawApplication } from "@/db/queries/applications-own";
import {
  answerConsultation,
  closeDueConsultations,
  queueConsultationReminders,
  secretariatConsultation,
  stateConsultation,
  stateConsultations,
} from "@/db/queries/consultations";
import { recommendApplication } from "@/db/queries/review-actions";
import { applicationHistory, auditLog, consultationAnswers, consultations, meetings, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const DAY = 24 * 60 * 60 * 1000;

let reviewer: Actor;
let admin: Actor;
let applicant: Actor;
let argentina: Actor;
let brazil: Actor;
let organizationId: string;
let meetingId: string;

beforeAll(async () => {
  reviewer = await make.user("reviewer", { signedIn: true });
  admin = await make.user("admin", { signedIn: true, locale: "en" });
  applicant = await make.user("applicant");
  argentina = await make.user("state", { stateCountry: "AR", locale: "es" });
  brazil = await make.user("state", { stateCountry: "BR", locale: "pt" });
  organizationId = await make.organization("Red Migrante del Sur");
  await make.member(organizationId, applicant.id);
  const [meeting] = await testDb().db.insert(meetings).values({ number: "XL", hostCountry: "PE", consultationDays: 10 }).returning({ id: meetings.id });
  meetingId = meeting!.id;
});

/** An application recommended now, through the data layer: its consultation opens. */
async function recommended(): Promise<string> {
  const id = await make.application(organizationId, "in_review", { meetingId });
  await recommendApplication(reviewer, { applicationId: id, recommendation: "participant", rationale: "Cumple los seis criterios." });
  return id;
}

async function consultationRow(applicationId: string) {
  const [row] = await testDb().db.select().from(consultations).where(eq(consultations.applicationId, applicationId));
  return row!;
}

async function pastWindow(applicationId: string) {
  await testDb()
    .db.update(consultations)
    .set({ closesAt: new Date(Date.now() - 60_000) })
    .where(eq(consultations.applicationId, applicationId));
}

describe("the member states' consultation", () => {
  it("opens with the recommendation for the meeting's number of days, and tells each active focal point in their language", async () => {
    const gone = await make.user("state", { stateCountry: "CL" });
    await testDb().db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
    const before = Date.now();
    const id = await recommended();

    expect(await make.statusOf(id)).toBe("in_consultation");
    const row = await consultationRow(id);
    expect(row.closesAt.getTime() - row.opensAt.getTime()).toBe(10 * DAY);
    expect(row.opensAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [toArgentina] = await make.mailTo(argentina.email);
    expect(toArgentina!.subject).toBe("Consulta abierta: Red Migrante del Sur");
    expect(toArgentina!.text).toContain(`/es/states/applications/${id}`);
    const [toBrazil] = await make.mailTo(brazil.email);
    expect(toBrazil!.subject).toBe("Consulta aberta: Red Migrante del Sur");
    expect(await make.mailTo(gone.email)).toEqual([]);
  });

  it("takes one answer per state, changeable while open, each state seeing only its own until the window closes", async () => {
    const id = await recommended();
    await expectAppError(answerConsultation(argentina, { applicationId: id, answer: "objection", criteria: [], reasons: "No consta." }), "invalid");
    await expectAppError(answerConsultation(argentina, { applicationId: id, answer: "question", reasons: "  " }), "invalid");
    await answerConsultation(argentina, { applicationId: id, answer: "question", reasons: "¿Trabaja en la frontera norte?" });
    await answerConsultation(argentina, { applicationId: id, answer: "objection", criteria: ["independent"], reasons: "Recibe fondos de un partido." });
    await answerConsultation(brazil, { applicationId: id, answer: "no_objection" });

    const rows = await testDb().db.select().from(consultationAnswers).where(eq(consultationAnswers.applicationId, id));
    expect(rows.map((row) => [row.country, row.answer, row.criteria])).toEqual(
      expect.arrayContaining([
        ["AR", "objection", ["independent"]],
        ["BR", "no_objection", []],
      ]),
    );
    expect(rows).toHaveLength(2);

    const seenByArgentina = await stateConsultation(argentina, id);
    expect(seenByArgentina.window.open).toBe(true);
    expect(seenByArgentina.ownAnswer).toMatchObject({ country: "AR", answer: "objection", reasons: "Recibe fondos de un partido." });
    expect(seenByArgentina.answers).toBeNull();
    expect(JSON.stringify(seenByArgentina)).not.toContain("no_objection");
    expect(seenByArgentina.organization).not.toHaveProperty("contactEmail");

    const history = await make.historyOf(id);
    const answers = history.filter((entry) => entry.kind === "note" && entry.data && "consultation" in entry.data);
    expect(answers).toHaveLength(3);
    expect(answers.every((entry) => !entry.visibleToApplicant)).toBe(true);

    const forStaff = await secretariatConsultation(reviewer, id);
    expect(forStaff!.answers.map((answer) => [answer.country, answer.answer])).toEqual([
      ["AR", "objection"],
      ["BR", "no_objection"],
    ]);
    expect(forStaff!.silent).not.toContain("AR");
    expect(forStaff!.silent).toHaveLength(10);

    const listed = await stateConsultations(brazil);
    expect(listed.find((item) => item.applicationId === id)).toMatchObject({ open: true, ownAnswer: "no_objection", organization: "Red Migrante del Sur" });
  });

  it("refuses anyone but a focal point, and a focal point anything of the secretariat", async () => {
    const id = await recommended();
    await expectAppError(answerConsultation(reviewer, { applicationId: id, answer: "no_objection" }), "forbidden");
    await expectAppError(answerConsultation(applicant, { applicationId: id, answer: "no_objection" }), "forbidden");
    await expectAppError(answerConsultation(null, { applicationId: id, answer: "no_objection" }), "unauthenticated");
    await expectAppError(stateConsultation(admin, id), "forbidden");
    await expectAppError(getApplicationForReview(argentina, id), "forbidden");
    await expectAppError(secretariatConsultation(argentina, id), "forbidden");
    await expectAppError(stateConsultation({ ...argentina, stateCountry: null }, id), "forbidden");
    await expectAppError(answerConsultation(argentina, { applicationId: crypto.randomUUID(), answer: "no_objection" }), "not_found");
    await expectAppError(stateConsultation(argentina, crypto.randomUUID()), "not_found");
  });

  it("keeps the decision until the window closes, unless the admin says why; closing early is audited and ends the answers", async () => {
    const id = await recommended();
    await answerConsultation(argentina, { applicationId: id, answer: "no_objection" });
    await expectAppError(decideApplication(admin, { applicationId: id, decision: "participant", reason: "Cumple." }), "consultation_open");
    expect(await make.statusOf(id)).toBe("in_consultation");
    expect((await consultationRow(id)).closedAt).toBeNull();

    await decideApplication(admin, { applicationId: id, decision: "participant", reason: "Cumple.", earlyCloseReason: "La plenaria se reúne mañana." });
    expect(await make.statusOf(id)).toBe("accredited_participant");
    const row = await consultationRow(id);
    expect(row).toMatchObject({ closedEarlyById: admin.id, closedEarlyReason: "La plenaria se reúne mañana." });
    expect(row.closedAt).not.toBeNull();
    const audit = await testDb()
      .db.select({ action: auditLog.action, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "consultation.close_early")));
    expect(audit).toEqual([{ action: "consultation.close_early", data: { reason: "La plenaria se reúne mañana." } }]);

    await expectAppError(answerConsultation(brazil, { applicationId: id, answer: "no_objection" }), "consultation_closed");
    const closed = await stateConsultation(brazil, id);
    expect(closed.window).toMatchObject({ open: false, closedEarly: { reason: "La plenaria se reúne mañana." } });
    expect(closed.answers?.map((answer) => answer.country)).toEqual(["AR"]);
  });

  it("closes at the end of the window: the application moves to recommended with its history row, the admins get a summary, once", async () => {
    const id = await recommended();
    await answerConsultation(argentina, { applicationId: id, answer: "objection", criteria: ["two_years_activity"], reasons: "Fundada en 2025." });
    await answerConsultation(brazil, { applicationId: id, answer: "no_objection" });
    await pastWindow(id);

    expect(await closeDueConsultations(testDb().db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await make.statusOf(id)).toBe("recommended");
    const moves = (await make.historyOf(id)).filter((entry) => entry.kind === "transition").map((entry) => `${entry.fromStatus}→${entry.toStatus}`);
    expect(moves).toEqual(["in_review→in_consultation", "in_consultation→recommended"]);
    const summaries = (await make.mailTo(admin.email)).filter((mail) => mail.kind === "consultation-closed" && mail.text.includes(id));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.text).toContain("No objection: 1. Objections: 1. Questions: 0. No answer: 10.");

    expect(await closeDueConsultations(testDb().db, new Date())).toBe(0);
    const seen = await stateConsultation(brazil, id);
    expect(seen.answers?.map((answer) => [answer.country, answer.answer, answer.criteria])).toEqual([
      ["AR", "objection", ["two_years_activity"]],
      ["BR", "no_objection", []],
    ]);
    await expectAppError(answerConsultation(argentina, { applicationId: id, answer: "no_objection" }), "consultation_closed");
    await decideApplication(admin, { applicationId: id, decision: "observer", reason: "Como observadora, por ahora." });
    expect(await make.statusOf(id)).toBe("accredited_observer");
  });

  it("reminds the focal points of states that have not answered, once, in the last three days", async () => {
    const id = await recommended();
    await answerConsultation(brazil, { applicationId: id, answer: "no_objection" });
    await testDb()
      .db.update(consultations)
      .set({ closesAt: new Date(Date.now() + 2 * DAY) })
      .where(eq(consultations.applicationId, id));
    await queueConsultationReminders(testDb().db, new Date());
    await queueConsultationReminders(testDb().db, new Date());
    const reminders = (email: string) => make.mailTo(email).then((mails) => mails.filter((mail) => mail.kind === "reminder" && mail.text.includes(id)));
    expect(await reminders(argentina.email)).toHaveLength(1);
    expect(await reminders(brazil.email)).toEqual([]);
  });

  it("ends when the organization withdraws its application", async () => {
    const id = await recommended();
    await withdrawApplication(applicant, id, null);
    expect((await consultationRow(id)).closedAt).not.toBeNull();
    await expectAppError(answerConsultation(argentina, { applicationId: id, answer: "no_objection" }), "consultation_closed");
    const history = await testDb().db.select().from(applicationHistory).where(eq(applicationHistory.applicationId, id));
    expect(history.some((entry) => entry.toStatus === "withdrawn")).toBe(true);
  });
});
