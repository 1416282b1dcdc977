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
import {
  forwardedQuestions,
  forwardedQuestionsForState,
  forwardQuestion,
  questionsForOrganization,
  replyToQuestion,
} from "@/db/queries/consultation-questions";
import { deferApplication, deferralsOf, RepeatedQuestionError } from "@/db/queries/deferrals";
import { listPendingApplications } from "@/db/queries/pending-register";
import { registerRevision } from "@/db/queries/public-register";
import { recommendApplication } from "@/db/queries/review-actions";
import { deactivateUser, inviteStaff, listStaff } from "@/db/queries/staff";
import { openDocument, shareDocumentWithStates } from "@/db/queries/documents";
import {
  applicationDeferrals,
  applicationHistory,
  applications,
  auditLog,
  consultationAnswers,
  consultations,
  documentBlobs,
  documents,
  meetings,
  users,
} from "@/db/schema";
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

describe("a deferral to the next meeting", () => {
  it("moves the application to the next meeting, tells its members in their language, and refuses the same question twice", async () => {
    const [next] = await testDb().db.insert(meetings).values({ number: "XLI", hostCountry: "CL", startsOn: "2099-05-01" }).returning({ id: meetings.id });
    await testDb().db.update(meetings).set({ startsOn: "2098-05-01" }).where(eq(meetings.id, meetingId));
    const id = await recommended();
    await pastWindow(id);

    await expectAppError(deferApplication(reviewer, { applicationId: id, criteria: ["independent"], reason: "x" }), "forbidden");
    await expectAppError(deferApplication(admin, { applicationId: id, criteria: [], reason: "Falta el informe." }), "invalid");
    await deferApplication(admin, { applicationId: id, criteria: ["two_years_activity"], reason: "Falta el informe 2025." });
    expect(await make.statusOf(id)).toBe("deferred");
    const [row] = await testDb().db.select({ meetingId: applications.meetingId }).from(applications).where(eq(applications.id, id));
    expect(row!.meetingId).toBe(next!.id);
    expect(await deferralsOf(admin, id)).toMatchObject([{ criteria: ["two_years_activity"], reason: "Falta el informe 2025.", toMeeting: "XLI" }]);
    const [mail] = (await make.mailTo(applicant.email)).filter((message) => message.kind === "deferral");
    expect(mail!.text).toContain("Falta el informe 2025.");

    const again = await deferApplication(admin, { applicationId: id, criteria: ["funding_disclosed", "two_years_activity"], reason: "Otra vez." }).catch(
      (error: unknown) => error,
    );
    expect(again).toBeInstanceOf(RepeatedQuestionError);
    expect((again as RepeatedQuestionError).criterion).toBe("two_years_activity");
    await deferApplication(admin, { applicationId: id, criteria: ["funding_disclosed"], reason: "Falta el origen de los fondos." });
    expect(await deferralsOf(admin, id)).toHaveLength(2);
    await decideApplication(admin, { applicationId: id, decision: "participant", reason: "Aclarado." });
    expect(await make.statusOf(id)).toBe("accredited_participant");
  });

  it("during an open consultation, needs the reason for closing it early", async () => {
    const id = await recommended();
    await expectAppError(deferApplication(admin, { applicationId: id, criteria: ["independent"], reason: "Dudas." }), "consultation_open");
    await deferApplication(admin, { applicationId: id, criteria: ["independent"], reason: "Dudas.", earlyCloseReason: "La reunión es mañana." });
    expect(await make.statusOf(id)).toBe("deferred");
    expect((await consultationRow(id)).closedEarlyReason).toBe("La reunión es mañana.");
  });
});

describe("the public list of pending applications", () => {
  it("lists applications awaiting a decision with their stage and deferrals, withholding the name of an organization at risk until accredited", async () => {
    const atRisk = await make.organization("Colectivo Reservado", { country: "VE", type: "grassroots" });
    await make.application(atRisk, "in_consultation", { sections: { declarations: { membersAtRisk: true } }, submittedAt: new Date("2020-01-02") });
    const named = await make.application(organizationId, "deferred", { submittedAt: new Date("2020-01-03") });
    await testDb()
      .db.insert(applicationDeferrals)
      .values({ applicationId: named, criteria: ["independent"], reason: "Dudas." });
    await make.application(organizationId, "in_review", { submittedAt: new Date("2020-01-01") });

    const listed = await listPendingApplications();
    const reserved = listed.find((row) => row.country === "VE" && row.type === "grassroots" && row.filedOn === "2020-01-02");
    expect(reserved).toMatchObject({ name: null, acronym: null, stage: "in_consultation", deferrals: 0 });
    expect(JSON.stringify(listed)).not.toContain("Colectivo Reservado");
    expect(listed.find((row) => row.filedOn === "2020-01-03")).toMatchObject({ name: "Red Migrante del Sur", stage: "deferred", deferrals: 1 });
    expect(listed.some((row) => row.filedOn === "2020-01-01")).toBe(false);
    expect(listed.map((row) => row.position)).toEqual(listed.map((_, index) => index + 1));
  });
});

describe("the register's revision", () => {
  it("rises when an application enters or leaves the pending list, and with a deferral, so every instance shows the list at once", async () => {
    const revision = async () => (await registerRevision()).split(":").at(-1);
    const id = await make.application(organizationId, "in_review", { meetingId });
    const before = await revision();
    await recommendApplication(reviewer, { applicationId: id, recommendation: "observer", rationale: "Como observadora." });
    const entered = await revision();
    expect(entered).not.toBe(before);
    await deferApplication(admin, { applicationId: id, criteria: ["non_profit"], reason: "Estatuto.", earlyCloseReason: "Plenaria." });
    const deferred = await revision();
    expect(deferred).not.toBe(entered);
    await decideApplication(admin, { applicationId: id, decision: "reject", reason: "No es sin fines de lucro." });
    expect(await revision()).not.toBe(deferred);
  });
});

describe("the meeting's objection rule", () => {
  it("sends an application with enough objections to the plenary: the decision needs the plenary's reference, a deferral does not", async () => {
    const [strict] = await testDb()
      .db.insert(meetings)
      .values({ number: "XLV", hostCountry: "AR", consultationDays: 5, objectionThreshold: 1 })
      .returning({ id: meetings.id });
    const id = await make.application(organizationId, "in_review", { meetingId: strict!.id });
    await recommendApplication(reviewer, { applicationId: id, recommendation: "participant", rationale: "Cumple." });
    expect((await consultationRow(id)).objectionThreshold).toBe(1);
    await testDb().db.update(meetings).set({ objectionThreshold: null }).where(eq(meetings.id, strict!.id));
    expect((await stateConsultation(argentina, id)).window.objectionThreshold).toBe(1);

    await answerConsultation(argentina, { applicationId: id, answer: "objection", criteria: ["non_profit"], reasons: "Reparte utilidades." });
    await pastWindow(id);
    expect(await secretariatConsultation(admin, id)).toMatchObject({ toPlenary: true, plenaryReference: null });
    await expectAppError(decideApplication(admin, { applicationId: id, decision: "reject", reason: "No es sin fines de lucro." }), "plenary_required");
    expect(await make.statusOf(id)).toBe("in_consultation");
    await deferApplication(admin, { applicationId: id, criteria: ["non_profit"], reason: "La plenaria lo verá en la próxima reunión." });
    await decideApplication(admin, {
      applicationId: id,
      decision: "reject",
      reason: "No es sin fines de lucro.",
      plenaryReference: "Acta de la plenaria, punto 4",
    });
    expect(await make.statusOf(id)).toBe("rejected");
    expect(await secretariatConsultation(admin, id)).toMatchObject({ toPlenary: true, plenaryReference: "Acta de la plenaria, punto 4" });
    const audit = await testDb()
      .db.select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "consultation.plenary")));
    expect(audit).toEqual([{ data: { plenaryReference: "Acta de la plenaria, punto 4", objections: 1 } }]);
  });

  it("is advisory by default: objections do not stop the decision", async () => {
    const id = await recommended();
    await answerConsultation(argentina, { applicationId: id, answer: "objection", criteria: ["non_profit"], reasons: "Dudas." });
    await pastWindow(id);
    expect(await secretariatConsultation(admin, id)).toMatchObject({ toPlenary: false, window: { objectionThreshold: null } });
    await decideApplication(admin, { applicationId: id, decision: "participant", reason: "Aclarado." });
  });
});

describe("documents shared with the member states", () => {
  it("lets focal points read only what the secretariat shares, of applications in consultation", async () => {
    const id = await recommended();
    const [shared] = await testDb()
      .db.insert(documents)
      .values({
        applicationId: id,
        kind: "statute",
        fileName: "estatuto.pdf",
        contentType: "application/pdf",
        size: 3,
        sha256: "x",
        storageKey: `db:share-${id}`,
      })
      .returning({ id: documents.id });
    const [kept] = await testDb()
      .db.insert(documents)
      .values({
        applicationId: id,
        kind: "activity_report",
        fileName: "informe.pdf",
        contentType: "application/pdf",
        size: 3,
        sha256: "y",
        storageKey: `db:keep-${id}`,
      })
      .returning({ id: documents.id });
    await testDb()
      .db.insert(documentBlobs)
      .values([
        { storageKey: `db:share-${id}`, bytes: new Uint8Array([1, 2, 3]) },
        { storageKey: `db:keep-${id}`, bytes: new Uint8Array([4, 5, 6]) },
      ]);

    expect(await openDocument(argentina, shared!.id)).toBeNull();
    await expectAppError(shareDocumentWithStates(argentina, { applicationId: id, documentId: shared!.id, shared: true }), "forbidden");
    await expectAppError(shareDocumentWithStates(applicant, { applicationId: id, documentId: shared!.id, shared: true }), "forbidden");
    await expectAppError(shareDocumentWithStates(reviewer, { applicationId: crypto.randomUUID(), documentId: shared!.id, shared: true }), "not_found");
    await shareDocumentWithStates(reviewer, { applicationId: id, documentId: shared!.id, shared: true });

    expect((await openDocument(argentina, shared!.id))?.fileName).toBe("estatuto.pdf");
    expect(await openDocument(argentina, kept!.id)).toBeNull();
    expect((await stateConsultation(brazil, id)).documents.map((document) => document.fileName)).toEqual(["estatuto.pdf"]);
    await shareDocumentWithStates(admin, { applicationId: id, documentId: shared!.id, shared: false });
    expect(await openDocument(argentina, shared!.id)).toBeNull();
    const audit = await testDb().db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["document.share", "document.unshare"]));
  });
});

describe("focal points' accounts", () => {
  it("are invited naming their state (refused without one), listed with it, and deactivated like staff", async () => {
    const email = `focal-${crypto.randomUUID()}@example.org`;
    await expectAppError(inviteStaff(admin, { email, role: "state", stateCountry: null, locale: "pt" }), "invalid");
    await expectAppError(inviteStaff(admin, { email, role: "state", stateCountry: "XX", locale: "pt" }), "invalid");
    const { userId } = await inviteStaff(admin, { email, role: "state", stateCountry: "CL", locale: "pt" });
    const [row] = await testDb().db.select({ role: users.role, stateCountry: users.stateCountry }).from(users).where(eq(users.id, userId));
    expect(row).toEqual({ role: "state", stateCountry: "CL" });
    const [invitation] = await make.mailTo(email);
    expect(invitation!.subject).toBe("Você foi convidado como ponto focal de Chile na CSM");
    expect((await listStaff(admin)).find((member) => member.id === userId)).toMatchObject({ role: "state", stateCountry: "CL", active: true });

    await inviteStaff(admin, { email, role: "reviewer", stateCountry: "CL", locale: "pt" });
    const [staff] = await testDb().db.select({ role: users.role, stateCountry: users.stateCountry }).from(users).where(eq(users.id, userId));
    expect(staff).toEqual({ role: "reviewer", stateCountry: null });
    await deactivateUser(admin, userId);
    expect((await listStaff(admin)).find((member) => member.id === userId)?.active).toBe(false);
  });
});

describe("a member state's question", () => {
  it("is passed on once by staff, answered once by the organization, and tracked for the secretariat and the states", async () => {
    const id = await recommended();
    await answerConsultation(brazil, { applicationId: id, answer: "question", reasons: "¿Tiene sede en Brasil?" });
    await expectAppError(forwardQuestion(reviewer, { applicationId: id, country: "AR" }), "not_found");
    await expectAppError(forwardQuestion(brazil, { applicationId: id, country: "BR" }), "forbidden");
    await expectAppError(forwardQuestion(reviewer, { applicationId: id, country: "XX" }), "invalid");
    await forwardQuestion(reviewer, { applicationId: id, country: "BR" });
    await expectAppError(forwardQuestion(admin, { applicationId: id, country: "BR" }), "conflict");
    const [told] = (await make.mailTo(applicant.email)).filter((mail) => mail.kind === "state-question");
    expect(told!.text).toContain("¿Tiene sede en Brasil?");
    expect(told!.text).not.toContain("Brasil ");

    const [asked] = await questionsForOrganization(applicant, id);
    expect(asked).toMatchObject({ question: "¿Tiene sede en Brasil?", reply: null });
    expect(asked).not.toHaveProperty("country");
    const outsider = await make.user("applicant");
    expect(await questionsForOrganization(outsider, id)).toEqual([]);
    await expectAppError(replyToQuestion(outsider, { applicationId: id, questionId: asked!.id, reply: "No." }), "not_found");
    await expectAppError(replyToQuestion(applicant, { applicationId: id, questionId: asked!.id, reply: " " }), "invalid");
    await replyToQuestion(applicant, { applicationId: id, questionId: asked!.id, reply: "Sí, en Foz do Iguaçu." });
    await expectAppError(replyToQuestion(applicant, { applicationId: id, questionId: asked!.id, reply: "Otra vez." }), "conflict");

    expect(await forwardedQuestions(reviewer, id)).toMatchObject([{ country: "BR", reply: "Sí, en Foz do Iguaçu." }]);
    expect(await forwardedQuestionsForState(brazil, id, true)).toHaveLength(1);
    expect(await forwardedQuestionsForState(argentina, id, true)).toEqual([]);
    expect(await forwardedQuestionsForState(argentina, id, false)).toHaveLength(1);
    const visible = (await make.historyOf(id)).filter((entry) => entry.kind === "message" && entry.visibleToApplicant).map((entry) => entry.message);
    expect(visible).toEqual(expect.arrayContaining(["¿Tiene sede en Brasil?", "Sí, en Foz do Iguaçu."]));
  });
});
