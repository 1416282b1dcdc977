import { and, eq, like, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  getOwnApplication,
  listOwnOrganizations,
  NotReadyError,
  respondToInformationRequest,
  saveApplicationSection,
  startApplication,
  submitApplication,
  withdrawApplication,
} from "@/db/queries/applications-own";
import { DocumentRejectedError, openDocument, removeDocument, uploadDocument } from "@/db/queries/documents";
import { acceptPendingInvitations, inviteColleague, listOrganizationPeople } from "@/db/queries/organization-invitations";
import { createOrganization, DuplicateLegalNameError, DuplicateOrganizationError } from "@/db/queries/organization-profile";
import { applyTransition } from "@/db/queries/transitions";
import {
  accreditations,
  applicationHistory,
  applications,
  coalitionMembers,
  documentBlobs,
  documents,
  emailOutbox,
  meetings,
  organizationInvitations,
  organizationMembers,
  organizations,
  users,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  completeDraft,
  createUser,
  DECLARATIONS,
  exeBytes,
  GOVERNANCE,
  newApplicant as createApplicant,
  organizationAnswers,
  pdfBytes,
  REQUIRED_KINDS,
  WORK,
} from "../support/applicant-fixtures";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const mail = { origin: "http://localhost:3000", locale: "es" as const };

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

const newApplicant = (locale: "es" | "pt" | "en" | null = null) => createApplicant(testDb().db, locale);

async function submitted(applicationId: string) {
  return testDb()
    .db.select()
    .from(applicationHistory)
    .where(and(eq(applicationHistory.applicationId, applicationId), eq(applicationHistory.toStatus, "submitted")));
}

async function statusOf(applicationId: string) {
  const [row] = await testDb()
    .db.select({ status: applications.status, sections: applications.sections })
    .from(applications)
    .where(eq(applications.id, applicationId));
  return row!;
}

/** The edition whose application window is open in every test, unless the test closes it. */
const OPEN_MEETING = "XXV";
const DAY = 86_400_000;

beforeEach(async () => {
  const { db } = testDb();
  await db.execute(
    sql`truncate users, organizations, applications, documents, document_blobs, email_outbox, audit_log, meetings, organization_invitations cascade`,
  );
  await db.insert(meetings).values({
    number: OPEN_MEETING,
    hostCountry: "CL",
    applicationOpensAt: new Date(Date.now() - DAY),
    applicationClosesAt: new Date(Date.now() + 30 * DAY),
  });
});

describe("createOrganization", () => {
  it("creates the profile, the creator's membership and a first draft holding the organization section", async () => {
    const actor = await createUser(testDb().db, "applicant");
    const answers = organizationAnswers();
    const { organizationId, applicationId } = await createOrganization(actor, answers);
    const { db } = testDb();
    const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
    expect(org).toMatchObject({ legalName: answers.legalName, registryNumber: answers.registryNumber, countriesOfWork: ["PE", "BO"] });
    expect(await db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, organizationId))).toMatchObject([
      { userId: actor.id, role: "owner" },
    ]);
    expect(await statusOf(applicationId)).toMatchObject({ status: "draft", sections: { organization: answers } });
  });

  it("ties the draft to the meeting whose application window is open, else to none", async () => {
    const { db } = testDb();
    await db.delete(meetings);
    const first = await newApplicant();
    expect((await db.select().from(applications).where(eq(applications.id, first.applicationId)))[0]!.meetingId).toBeNull();
    const [meeting] = await db
      .insert(meetings)
      .values({ number: "XXVII", hostCountry: "CL", applicationOpensAt: new Date(Date.now() - DAY), applicationClosesAt: new Date(Date.now() + DAY) })
      .returning({ id: meetings.id });
    const second = await newApplicant();
    expect((await db.select().from(applications).where(eq(applications.id, second.applicationId)))[0]!.meetingId).toBe(meeting!.id);
  });

  it("refuses a second organization with the same country and registry number, changing nothing", async () => {
    const actor = await createUser(testDb().db, "applicant");
    const answers = organizationAnswers();
    await createOrganization(actor, answers);
    const other = await createUser(testDb().db, "applicant");
    const error = await expectAppError(
      createOrganization(other, organizationAnswers({ registryNumber: answers.registryNumber.toLowerCase(), country: answers.country })),
      "conflict",
    );
    expect(error).toBeInstanceOf(DuplicateOrganizationError);
    expect(await testDb().db.select().from(organizations)).toHaveLength(1);
    // The same number in another country is another organization.
    await createOrganization(other, organizationAnswers({ registryNumber: answers.registryNumber, country: "BO" }));
  });

  it("refuses the legal name of another accredited organization, accents and case aside, on creation and on a save", async () => {
    const { db } = testDb();
    const [accredited] = await db
      .insert(organizations)
      .values({
        slug: `acreditada-${crypto.randomUUID().slice(0, 6)}`,
        legalName: "Asociación Frontera Sur",
        type: "ngo",
        country: "UY",
        searchKey: "asociacion frontera sur",
      })
      .returning({ id: organizations.id });
    await db.insert(accreditations).values({ organizationId: accredited!.id, category: "participant" });
    const actor = await createUser(db, "applicant");
    const error = await expectAppError(createOrganization(actor, organizationAnswers({ legalName: "ASOCIACION frontera  sur" })), "conflict");
    expect(error).toBeInstanceOf(DuplicateLegalNameError);
    const { applicationId } = await createOrganization(actor, organizationAnswers({ legalName: "Asociación Frontera Norte" }));
    const renamed = await expectAppError(
      saveApplicationSection(actor, applicationId, "organization", organizationAnswers({ legalName: "asociación frontera sur" })),
      "conflict",
    );
    expect(renamed).toBeInstanceOf(DuplicateLegalNameError);
  });

  it("refuses invalid answers, anonymous callers and staff", async () => {
    const actor = await createUser(testDb().db, "applicant");
    await expectAppError(createOrganization(actor, { ...organizationAnswers(), foundedYear: 3000 }), "invalid");
    await expectAppError(createOrganization(actor, { ...organizationAnswers(), countriesOfWork: [] }), "invalid");
    await expectAppError(createOrganization(actor, { ...organizationAnswers(), country: "MX" }), "invalid");
    await expectAppError(createOrganization(null, organizationAnswers()), "unauthenticated");
    await expectAppError(createOrganization(await createUser(testDb().db, "reviewer"), organizationAnswers()), "forbidden");
    expect(await testDb().db.select().from(organizations)).toEqual([]);
  });
});

describe("saveApplicationSection", () => {
  it("writes the answers to the draft and to the organization's profile in one go", async () => {
    const { actor, organizationId, applicationId } = await newApplicant();
    await saveApplicationSection(actor, applicationId, "work", WORK);
    await saveApplicationSection(actor, applicationId, "representation", { isCoalition: true, members: [{ name: "Red Uno", country: "AR" }] });
    await saveApplicationSection(actor, applicationId, "governance", GOVERNANCE);
    const { db } = testDb();
    const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
    expect(org).toMatchObject({
      themes: WORK.themes,
      description: WORK.description,
      isCoalition: true,
      fundingSources: GOVERNANCE.fundingSources,
      independenceDeclared: true,
    });
    expect(await db.select({ name: coalitionMembers.name, country: coalitionMembers.country }).from(coalitionMembers)).toEqual([
      { name: "Red Uno", country: "AR" },
    ]);
    const own = await getOwnApplication(actor, applicationId);
    expect(own!.sections).toMatchObject({ work: WORK, governance: GOVERNANCE, representation: { isCoalition: true } });
    expect(own!.completed).toEqual(["organization", "work", "representation", "governance"]);
    // A coalition also needs its mandate letter.
    expect(own!.readiness.missingDocuments).toContain("mandate_letter");
  });

  it("refuses invalid answers and leaves the draft as it was", async () => {
    const { actor, applicationId } = await newApplicant();
    await expectAppError(saveApplicationSection(actor, applicationId, "work", { ...WORK, themes: [] }), "invalid");
    await expectAppError(saveApplicationSection(actor, applicationId, "declarations", { truthful: true, codeOfConduct: false }), "invalid");
    await expectAppError(saveApplicationSection(actor, applicationId, "representation", { isCoalition: true, members: [] }), "invalid");
    expect(Object.keys((await statusOf(applicationId)).sections)).toEqual(["organization"]);
  });

  it("answers not_found to a member of another organization and to staff without the permission", async () => {
    const { applicationId } = await newApplicant();
    const outsider = await newApplicant();
    await expectAppError(saveApplicationSection(outsider.actor, applicationId, "work", WORK), "not_found");
    await expectAppError(saveApplicationSection(outsider.actor, "not-a-uuid", "work", WORK), "not_found");
    await expectAppError(saveApplicationSection(await createUser(testDb().db, "admin"), applicationId, "work", WORK), "forbidden");
    expect((await statusOf(applicationId)).sections).not.toHaveProperty("work");
  });

  it("refuses a clash with another organization's registry number", async () => {
    const first = await newApplicant();
    const second = await newApplicant();
    const [taken] = await testDb().db.select().from(organizations).where(eq(organizations.id, first.organizationId));
    const clash = organizationAnswers({ country: taken!.country as "PE", registryNumber: taken!.registryNumber! });
    await expectAppError(saveApplicationSection(second.actor, second.applicationId, "organization", clash), "conflict");
  });
});

describe("documents", () => {
  it("stores a PDF, replaces it, serves it to members (and staff once submitted) only, and removes it", async () => {
    const { actor, applicationId } = await newApplicant();
    const { id } = await uploadDocument(actor, applicationId, "statute", { name: "../../estatuto.pdf", bytes: pdfBytes("v1") });
    const { id: replaced } = await uploadDocument(actor, applicationId, "statute", { name: "estatuto v2.pdf", bytes: pdfBytes("v2") });
    const { db } = testDb();
    expect(await db.select({ id: documents.id }).from(documents)).toEqual([{ id: replaced }]);
    expect(await db.select().from(documentBlobs)).toHaveLength(1);
    expect(await openDocument(actor, id)).toBeNull();

    const download = await openDocument(actor, replaced);
    expect(download).toMatchObject({ fileName: "estatuto v2.pdf", contentType: "application/pdf" });
    expect(new TextDecoder().decode(download!.bytes)).toContain("(v2) Tj");
    // A draft is the organization's own: staff get its documents once it is submitted.
    const reviewer = await createUser(db, "reviewer");
    expect(await openDocument(reviewer, replaced)).toBeNull();
    await db.update(applications).set({ status: "submitted", submittedAt: new Date() }).where(eq(applications.id, applicationId));
    expect(await openDocument(reviewer, replaced)).toMatchObject({ contentType: "application/pdf" });
    await db.update(applications).set({ status: "draft", submittedAt: null }).where(eq(applications.id, applicationId));
    expect(await openDocument((await newApplicant()).actor, replaced)).toBeNull();
    await expectAppError(openDocument(null, replaced), "unauthenticated");

    await removeDocument(actor, applicationId, "statute");
    expect(await db.select().from(documents)).toEqual([]);
    expect(await db.select().from(documentBlobs)).toEqual([]);
  });

  it("judges by content: PNG and JPEG pass, an .exe named .pdf, an unreadable PDF and an 11 MB file are refused with nothing stored", async () => {
    const { actor, applicationId } = await newApplicant();
    await uploadDocument(actor, applicationId, "statute", { name: "scan.png", bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]) });
    await uploadDocument(actor, applicationId, "activity_report", { name: "photo.jpg", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]) });
    const before = await testDb().db.select({ kind: documents.kind, type: documents.contentType }).from(documents);
    expect(before).toHaveLength(2);

    const bad = await expectAppError(uploadDocument(actor, applicationId, "statute", { name: "estatuto.pdf", bytes: exeBytes() }), "invalid");
    expect(bad).toBeInstanceOf(DocumentRejectedError);
    expect((bad as DocumentRejectedError).reason).toBe("bad_type");
    // Only the header of a PDF, and a PDF cut short: no reader could open them.
    const header = new TextEncoder().encode("%PDF-1.7\nActa de la asamblea (texto plano).\n");
    const cut = pdfBytes("estatuto").slice(0, -30);
    for (const bytes of [header, cut]) {
      const refused = await expectAppError(uploadDocument(actor, applicationId, "statute", { name: "estatuto.pdf", bytes }), "invalid");
      expect((refused as DocumentRejectedError).reason).toBe("bad_pdf");
    }
    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(pdfBytes());
    expect(
      ((await expectAppError(uploadDocument(actor, applicationId, "motivation_letter", { name: "big.pdf", bytes: big }), "invalid")) as DocumentRejectedError)
        .reason,
    ).toBe("too_large");
    await expectAppError(uploadDocument(actor, applicationId, "not_a_kind", { name: "a.pdf", bytes: pdfBytes() }), "invalid");

    expect(await testDb().db.select({ kind: documents.kind, type: documents.contentType }).from(documents)).toEqual(before);
    expect(await testDb().db.select().from(documentBlobs)).toHaveLength(2);
  });

  it("refuses uploads to another organization's application and once the draft is submitted", async () => {
    const { actor, applicationId } = await newApplicant();
    const outsider = await newApplicant();
    await expectAppError(uploadDocument(outsider.actor, applicationId, "statute", { name: "a.pdf", bytes: pdfBytes() }), "not_found");
    await expectAppError(removeDocument(outsider.actor, applicationId, "statute"), "not_found");
    await completeDraft(actor, applicationId);
    await submitApplication(actor, applicationId, mail);
    await expectAppError(uploadDocument(actor, applicationId, "financial_statement", { name: "a.pdf", bytes: pdfBytes() }), "conflict");
    await expectAppError(removeDocument(actor, applicationId, "statute"), "conflict");
  });
});

describe("submitApplication", () => {
  it("refuses an incomplete draft and says what is missing", async () => {
    const { actor, applicationId } = await newApplicant();
    await saveApplicationSection(actor, applicationId, "work", WORK);
    const error = await expectAppError(submitApplication(actor, applicationId, mail), "invalid");
    expect((error as NotReadyError).readiness).toMatchObject({
      ready: false,
      missingSections: ["representation", "governance", "declarations"],
      missingDocuments: [...REQUIRED_KINDS],
    });
    expect((await statusOf(applicationId)).status).toBe("draft");
  });

  it("submits exactly once and sends the confirmation in the user's language", async () => {
    const { actor, applicationId } = await newApplicant("pt");
    await completeDraft(actor, applicationId);
    await submitApplication(actor, applicationId, mail);
    await expectAppError(submitApplication(actor, applicationId, mail), "conflict");
    expect(await submitted(applicationId)).toHaveLength(1);
    const [app] = await testDb().db.select().from(applications).where(eq(applications.id, applicationId));
    expect(app).toMatchObject({
      status: "submitted",
      completedSections: ["organization", "work", "representation", "governance", "documents", "declarations"],
    });
    expect(app!.submittedAt).toBeInstanceOf(Date);
    const mails = await testDb().db.select().from(emailOutbox).where(eq(emailOutbox.to, actor.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/^Recebemos a candidatura de /);
    expect(mails[0]!.text).toContain(`http://localhost:3000/pt/applicant/applications/${applicationId}`);
  });

  it("asks which category the organization applies for, and files the application under that answer", async () => {
    const { actor, applicationId } = await newApplicant();
    await completeDraft(actor, applicationId);
    await expectAppError(saveApplicationSection(actor, applicationId, "declarations", { truthful: true, codeOfConduct: true }), "invalid");
    await expectAppError(saveApplicationSection(actor, applicationId, "declarations", { ...DECLARATIONS, requestedCategory: "member" }), "invalid");
    await saveApplicationSection(actor, applicationId, "declarations", { ...DECLARATIONS, requestedCategory: "observer" });
    await submitApplication(actor, applicationId, mail);
    const [app] = await testDb().db.select({ requestedCategory: applications.requestedCategory }).from(applications).where(eq(applications.id, applicationId));
    expect(app!.requestedCategory).toBe("observer");
  });

  it("answers not_found to another organization's member", async () => {
    const { actor, applicationId } = await newApplicant();
    await completeDraft(actor, applicationId);
    await expectAppError(submitApplication((await newApplicant()).actor, applicationId, mail), "not_found");
    await expectAppError(submitApplication(await createUser(testDb().db, "admin"), applicationId, mail), "forbidden");
    expect((await statusOf(applicationId)).status).toBe("draft");
  });
});

describe("information requests", () => {
  it("reopens only the named sections, and the answer goes back to review with a notice to the assigned reviewer", async () => {
    const { db } = testDb();
    const { actor, applicationId } = await newApplicant();
    await completeDraft(actor, applicationId);
    await submitApplication(actor, applicationId, mail);
    const reviewer = await createUser(db, "reviewer", "en");
    await createUser(db, "admin");
    // Staff notices go to staff who have signed in.
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, reviewer.id));
    await db.update(applications).set({ assignedReviewerId: reviewer.id }).where(eq(applications.id, applicationId));
    await db.transaction((tx) => applyTransition(tx, reviewer, { applicationId, transition: "start_review" }));
    await db.transaction((tx) =>
      applyTransition(tx, reviewer, {
        applicationId,
        transition: "request_info",
        message: "Adjunte el informe 2024.",
        data: { sections: ["work", "documents"] },
      }),
    );

    const own = await getOwnApplication(actor, applicationId);
    expect(own!.informationRequest).toMatchObject({ message: "Adjunte el informe 2024.", sections: ["work", "documents"] });
    expect(own!.editable).toEqual({ sections: ["work"], documents: true });
    await expectAppError(saveApplicationSection(actor, applicationId, "governance", GOVERNANCE), "conflict");
    await saveApplicationSection(actor, applicationId, "work", { ...WORK, description: "Actualizado." });
    await uploadDocument(actor, applicationId, "activity_report", { name: "informe-2024.pdf", bytes: pdfBytes("2024") });

    await expectAppError(respondToInformationRequest((await newApplicant()).actor, applicationId, "x", mail), "not_found");
    await expectAppError(respondToInformationRequest(actor, applicationId, "   ", mail), "invalid");
    await respondToInformationRequest(actor, applicationId, "Adjuntamos el informe 2024.", mail);
    expect((await statusOf(applicationId)).status).toBe("in_review");
    const [answer] = await db
      .select()
      .from(applicationHistory)
      .where(and(eq(applicationHistory.applicationId, applicationId), eq(applicationHistory.fromStatus, "info_requested")));
    expect(answer).toMatchObject({ toStatus: "in_review", message: "Adjuntamos el informe 2024.", actorId: actor.id, visibleToApplicant: true });
    const notices = await db.select().from(emailOutbox).where(eq(emailOutbox.to, reviewer.email));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.subject).toMatch(/answered the information request$/);
    await expectAppError(respondToInformationRequest(actor, applicationId, "again", mail), "conflict");
  });
});

describe("withdrawApplication", () => {
  it("withdraws before a decision, with the reason on the timeline, and not after", async () => {
    const { db } = testDb();
    const { actor, applicationId } = await newApplicant();
    await expectAppError(withdrawApplication((await newApplicant()).actor, applicationId, null), "not_found");
    await withdrawApplication(actor, applicationId, "Nos fusionamos con otra red.");
    const own = await getOwnApplication(actor, applicationId);
    expect(own).toMatchObject({ status: "withdrawn", timeline: [{ to: "withdrawn", message: "Nos fusionamos con otra red.", by: "organization" }] });
    await expectAppError(withdrawApplication(actor, applicationId, null), "conflict");

    const decided = await newApplicant();
    await db.update(applications).set({ status: "rejected", decisionReason: "No acredita 2 años." }).where(eq(applications.id, decided.applicationId));
    await expectAppError(withdrawApplication(decided.actor, decided.applicationId, null), "conflict");
    expect(await getOwnApplication(decided.actor, decided.applicationId)).toMatchObject({ status: "rejected", decisionReason: "No acredita 2 años." });
  });

  it("never shows internal notes on the applicant's timeline", async () => {
    const { db } = testDb();
    const { actor, applicationId } = await newApplicant();
    const reviewer = await createUser(db, "reviewer");
    await db.insert(applicationHistory).values([
      { applicationId, actorId: reviewer.id, kind: "note", message: "interno", visibleToApplicant: false },
      { applicationId, actorId: reviewer.id, kind: "message", message: "Hola", visibleToApplicant: true },
    ]);
    expect((await getOwnApplication(actor, applicationId))!.timeline).toMatchObject([{ message: "Hola", by: "secretariat" }]);
    expect(await getOwnApplication((await newApplicant()).actor, applicationId)).toBeNull();
  });
});

describe("startApplication", () => {
  it("refuses while an application is under way, and starts a renewal from the profile once accredited", async () => {
    const { db } = testDb();
    const { actor, organizationId, applicationId } = await newApplicant();
    await expectAppError(startApplication(actor, organizationId), "conflict");
    await expectAppError(startApplication((await newApplicant()).actor, organizationId), "not_found");
    await completeDraft(actor, applicationId);
    await db.update(applications).set({ status: "accredited_participant" }).where(eq(applications.id, applicationId));
    await db.insert(accreditations).values({ organizationId, category: "participant", applicationId });
    // Accredited for the meeting whose window is open: a renewal waits for the next meeting's window.
    await expectAppError(startApplication(actor, organizationId), "conflict");
    await db
      .update(meetings)
      .set({ applicationClosesAt: new Date(Date.now() - 1000) })
      .where(eq(meetings.number, OPEN_MEETING));
    const [next] = await db
      .insert(meetings)
      .values({ number: "XXVI", hostCountry: "UY", applicationOpensAt: new Date(Date.now() - 500), applicationClosesAt: new Date(Date.now() + DAY) })
      .returning({ id: meetings.id });

    const renewalId = await startApplication(actor, organizationId);
    const renewal = await getOwnApplication(actor, renewalId);
    expect(renewal).toMatchObject({ status: "draft", isRenewal: true, meeting: { number: "XXVI" }, sections: { work: WORK, governance: GOVERNANCE } });
    expect((await db.select({ meetingId: applications.meetingId }).from(applications).where(eq(applications.id, renewalId)))[0]!.meetingId).toBe(next!.id);
    expect(renewal!.sections).not.toHaveProperty("declarations");
    expect(renewal!.readiness.missingSections).toEqual(["declarations", "renewal"]);
    await saveApplicationSection(actor, renewalId, "renewal", { report: "Participamos en la XXII CSM." });
    expect((await getOwnApplication(actor, renewalId))!.sections.renewal).toEqual({ report: "Participamos en la XXII CSM." });
  });

  it("starts a new application, not a renewal, when the accreditation is suspended or revoked", async () => {
    const { db } = testDb();
    const { actor, organizationId, applicationId } = await newApplicant();
    await db.update(applications).set({ status: "withdrawn" }).where(eq(applications.id, applicationId));
    await db.insert(accreditations).values({ organizationId, category: "observer", status: "suspended" });
    const id = await startApplication(actor, organizationId);
    expect(await getOwnApplication(actor, id)).toMatchObject({ isRenewal: false, meeting: { number: OPEN_MEETING } });
  });
});

describe("organization invitations", () => {
  it("invites a colleague by e-mail, who becomes a member on signing in and then sees the same application", async () => {
    const { db } = testDb();
    const { actor, organizationId, applicationId } = await newApplicant();
    const colleague = await createUser(db, "applicant");
    await inviteColleague(actor, organizationId, colleague.email.toUpperCase(), mail);
    const [message] = await db.select().from(emailOutbox).where(eq(emailOutbox.to, colleague.email));
    expect(message!.text).toContain("http://localhost:3000/es/sign-in");
    expect(await getOwnApplication(colleague, applicationId)).toBeNull();

    expect(await acceptPendingInvitations(colleague)).toBe(1);
    expect(await acceptPendingInvitations(colleague)).toBe(0);
    expect(await getOwnApplication(colleague, applicationId)).toMatchObject({ id: applicationId });
    const people = await listOrganizationPeople(colleague, organizationId);
    expect(people!.members.map((member) => member.email).sort()).toEqual([actor.email, colleague.email].sort());
    await expectAppError(inviteColleague(actor, organizationId, colleague.email, mail), "conflict");
  });

  it("counts invitations per organization across its members, and never mails a pending address twice", async () => {
    const { db } = testDb();
    const { actor, organizationId } = await newApplicant();
    const colleague = await createUser(db, "applicant");
    await db.insert(organizationMembers).values({ organizationId, userId: colleague.id, role: "member" });
    const address = (i: number) => `limit-${i}-${organizationId.slice(0, 8)}@example.org`;
    process.env.INVITATION_LIMIT_PER_ORGANIZATION = "3";
    try {
      await inviteColleague(actor, organizationId, address(1), mail);
      await expectAppError(inviteColleague(colleague, organizationId, address(1), mail), "conflict");
      await inviteColleague(colleague, organizationId, address(2), mail);
      await inviteColleague(actor, organizationId, address(3), mail);
      await expectAppError(inviteColleague(colleague, organizationId, address(4), mail), "rate_limited");
    } finally {
      delete process.env.INVITATION_LIMIT_PER_ORGANIZATION;
    }
    const sent = await db
      .select()
      .from(emailOutbox)
      .where(like(emailOutbox.to, `limit-%-${organizationId.slice(0, 8)}@example.org`));
    expect(sent.map((message) => message.to).sort()).toEqual([address(1), address(2), address(3)]);
    expect(sent.every((message) => !message.subject.includes("Fixture") && message.text.includes("“"))).toBe(true);
  });

  it("refuses outsiders, bad addresses and staff", async () => {
    const { db } = testDb();
    const { organizationId } = await newApplicant();
    const outsider = await newApplicant();
    await expectAppError(inviteColleague(outsider.actor, organizationId, "x@example.org", mail), "not_found");
    await expectAppError(inviteColleague(outsider.actor, outsider.organizationId, "not-an-address", mail), "invalid");
    await expectAppError(inviteColleague(await createUser(db, "admin"), organizationId, "x@example.org", mail), "forbidden");
    expect(await listOrganizationPeople(outsider.actor, organizationId)).toBeNull();
    expect(await db.select().from(organizationInvitations)).toHaveLength(0);
  });
});

describe("listOwnOrganizations and getOwnApplication", () => {
  it("show the actor's own organizations only, with what may start next and the application window", async () => {
    const { db } = testDb();
    const { actor, organizationId, applicationId } = await newApplicant();
    await newApplicant();
    await db.insert(meetings).values({ number: "XXVI", hostCountry: "UY", applicationOpensAt: new Date(Date.now() + 10 * 86_400_000) });
    const own = await listOwnOrganizations(actor);
    expect(own.organizations).toMatchObject([
      { id: organizationId, canStart: false, applications: [{ id: applicationId, status: "draft", isRenewal: false }] },
    ]);
    expect(own.window).toMatchObject({ open: { number: OPEN_MEETING }, next: { number: "XXVI" } });
    await withdrawApplication(actor, applicationId, null);
    expect((await listOwnOrganizations(actor)).organizations[0]!.canStart).toBe(true);
  });

  it("offer no start to an organization accredited today for the open window's meeting, and say what comes next", async () => {
    const { db } = testDb();
    const { actor, organizationId, applicationId } = await newApplicant();
    const [open] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.number, OPEN_MEETING));
    await db
      .update(applications)
      .set({ status: "accredited_participant", meetingId: open!.id, decidedAt: new Date() })
      .where(eq(applications.id, applicationId));
    await db.insert(accreditations).values({ organizationId, category: "participant", status: "active" });

    const [org] = (await listOwnOrganizations(actor)).organizations;
    expect(org).toMatchObject({ canStart: false, accreditedForOpenMeeting: OPEN_MEETING, accreditation: { status: "active" } });
    // What the page would have offered is refused by the data layer for the same reason.
    await expectAppError(startApplication(actor, organizationId), "conflict");

    // Once the window of another meeting opens, the renewal can start.
    await db
      .update(meetings)
      .set({ applicationClosesAt: new Date(Date.now() - 1000) })
      .where(eq(meetings.id, open!.id));
    await db
      .insert(meetings)
      .values({ number: "XXVI", hostCountry: "UY", applicationOpensAt: new Date(Date.now() - DAY), applicationClosesAt: new Date(Date.now() + DAY) });
    expect((await listOwnOrganizations(actor)).organizations[0]).toMatchObject({ canStart: true, accreditedForOpenMeeting: null });
    expect(await getOwnApplication(actor, await startApplication(actor, organizationId))).toMatchObject({ isRenewal: true });
  });

  it("refuse anonymous callers and staff (who read applications through the secretariat's own queries)", async () => {
    const { applicationId } = await newApplicant();
    const reviewer = await createUser(testDb().db, "reviewer");
    await expectAppError(listOwnOrganizations(null), "unauthenticated");
    await expectAppError(listOwnOrganizations(reviewer), "forbidden");
    await expectAppError(getOwnApplication(null, applicationId), "unauthenticated");
    await expectAppError(getOwnApplication(reviewer, applicationId), "forbidden");
  });
});
