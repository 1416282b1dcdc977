import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getApplicationForReview } from "@/db/queries/application-review";
import { addInternalNote, assignApplication, recommendApplication, requestInformation, sendApplicantMessage, startReview } from "@/db/queries/review-actions";
import { accreditations, applications, auditLog, documentBlobs, documents, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { orderedAnswers, SECTION_FIELDS } from "@/lib/application-sections";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

let reviewer: Actor;
let admin: Actor;
let applicant: Actor;
let colleague: Actor;
let organizationId: string;

beforeAll(async () => {
  reviewer = await make.user("reviewer");
  admin = await make.user("admin");
  applicant = await make.user("applicant", { locale: "pt" });
  colleague = await make.user("applicant", { locale: "en" });
  organizationId = await make.organization("Coletivo Mulheres Migrantes");
  await make.member(organizationId, applicant.id);
  await make.member(organizationId, colleague.id);
});

describe("startReview", () => {
  it("moves a submitted application into review and assigns it to the reviewer", async () => {
    const id = await make.application(organizationId, "submitted");
    await startReview(reviewer, { applicationId: id });
    expect(await make.statusOf(id)).toBe("in_review");
    const review = await getApplicationForReview(reviewer, id);
    expect(review.assignedReviewer?.id).toBe(reviewer.id);
    expect(review.history.map((entry) => entry.kind)).toEqual(["transition", "assignment"]);
    const audit = await testDb().db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audit.map((row) => row.action)).toContain("application.start_review");
  });

  it("keeps an existing assignment", async () => {
    const id = await make.application(organizationId, "submitted", { assignedReviewerId: admin.id });
    await startReview(reviewer, { applicationId: id });
    expect((await getApplicationForReview(reviewer, id)).assignedReviewer?.id).toBe(admin.id);
  });

  it("reports a conflict when the application is no longer submitted, and refuses applicants", async () => {
    const id = await make.application(organizationId, "in_review");
    await expectAppError(startReview(reviewer, { applicationId: id }), "conflict");
    const submitted = await make.application(organizationId, "submitted");
    await expectAppError(startReview(applicant, { applicationId: submitted }), "forbidden");
    await expectAppError(startReview(null, { applicationId: submitted }), "unauthenticated");
    await expectAppError(startReview(reviewer, { applicationId: "not-a-uuid" }), "invalid");
    await expectAppError(startReview(reviewer, { applicationId: crypto.randomUUID() }), "not_found");
    expect(await make.statusOf(submitted)).toBe("submitted");
  });
});

describe("requestInformation", () => {
  it("names the sections, keeps the message for the applicant, and e-mails every member in their language", async () => {
    const id = await make.application(organizationId, "in_review");
    await requestInformation(reviewer, { applicationId: id, message: "Adjunte el estatuto firmado.", sections: ["documents", "governance"] });

    expect(await make.statusOf(id)).toBe("info_requested");
    const [entry] = (await make.historyOf(id)).filter((row) => row.kind === "transition");
    expect(entry).toMatchObject({
      fromStatus: "in_review",
      toStatus: "info_requested",
      message: "Adjunte el estatuto firmado.",
      visibleToApplicant: true,
      data: { transition: "request_info", sections: ["documents", "governance"] },
    });
    const [toApplicant] = await make.mailTo(applicant.email);
    expect(toApplicant!.subject).toBe("A Secretaria da CSM pede mais informações sobre a sua candidatura");
    expect(toApplicant!.text).toContain("Documentos");
    expect(toApplicant!.text).toContain("Governança e financiamento");
    expect(toApplicant!.text).toContain("Adjunte el estatuto firmado.");
    const [toColleague] = await make.mailTo(colleague.email);
    expect(toColleague!.subject).toBe("The CSM secretariat asks for more information on your application");
  });

  it("refuses a request with no section or no message, changing nothing", async () => {
    const id = await make.application(organizationId, "in_review");
    await expectAppError(requestInformation(reviewer, { applicationId: id, message: "x", sections: [] }), "invalid");
    await expectAppError(requestInformation(reviewer, { applicationId: id, message: "  ", sections: ["work"] }), "invalid");
    await expectAppError(requestInformation(reviewer, { applicationId: id, message: "x", sections: ["nonsense" as "work"] }), "invalid");
    await expectAppError(requestInformation(applicant, { applicationId: id, message: "x", sections: ["work"] }), "forbidden");
    expect(await make.statusOf(id)).toBe("in_review");
    expect(await make.historyOf(id)).toEqual([]);
  });
});

describe("recommendApplication", () => {
  it("records the recommendation and rationale with the transition, opening the member states' consultation", async () => {
    const id = await make.application(organizationId, "in_review");
    await recommendApplication(reviewer, { applicationId: id, recommendation: "participant", rationale: "Cumple todo." });
    const review = await getApplicationForReview(admin, id);
    expect(review.status).toBe("in_consultation");
    expect(review.recommendation).toEqual({ category: "participant", rejection: false, rationale: "Cumple todo." });

    const other = await make.application(organizationId, "in_review");
    await recommendApplication(admin, { applicationId: other, recommendation: "reject", rationale: "No trabaja en migración." });
    expect((await getApplicationForReview(admin, other)).recommendation).toMatchObject({ category: null, rejection: true });
  });

  it("refuses a missing rationale, an unknown recommendation and a wrong status", async () => {
    const id = await make.application(organizationId, "in_review");
    await expectAppError(recommendApplication(reviewer, { applicationId: id, recommendation: "participant", rationale: "" }), "invalid");
    await expectAppError(recommendApplication(reviewer, { applicationId: id, recommendation: "winner" as "participant", rationale: "x" }), "invalid");
    const submitted = await make.application(organizationId, "submitted");
    await expectAppError(recommendApplication(reviewer, { applicationId: submitted, recommendation: "observer", rationale: "x" }), "conflict");
    expect(await make.statusOf(id)).toBe("in_review");
  });
});

describe("assignApplication", () => {
  it("assigns to another active reviewer, with an internal history row", async () => {
    const id = await make.application(organizationId, "submitted");
    await assignApplication(reviewer, { applicationId: id, reviewerId: admin.id });
    const review = await getApplicationForReview(reviewer, id);
    expect(review.assignedReviewer?.id).toBe(admin.id);
    expect(review.history).toMatchObject([{ kind: "assignment", visibleToApplicant: false, data: { reviewerId: admin.id } }]);
  });

  it("unassigns when no reviewer is given", async () => {
    const id = await make.application(organizationId, "in_review", { assignedReviewerId: reviewer.id });
    await assignApplication(admin, { applicationId: id, reviewerId: null });
    const review = await getApplicationForReview(admin, id);
    expect(review.assignedReviewer).toBeNull();
    expect(review.history).toMatchObject([{ kind: "assignment", data: { reviewerId: null } }]);
  });

  it("refuses to act on an assignee the page showed before a newer assignment, changing nothing", async () => {
    // The page was shown unassigned; meanwhile the reviewer started the review and took it.
    const id = await make.application(organizationId, "submitted");
    await startReview(reviewer, { applicationId: id });
    await expectAppError(assignApplication(admin, { applicationId: id, reviewerId: null, expectedReviewerId: null }), "conflict");
    await expectAppError(assignApplication(admin, { applicationId: id, reviewerId: admin.id, expectedReviewerId: null }), "conflict");
    let review = await getApplicationForReview(admin, id);
    expect(review.assignedReviewer?.id).toBe(reviewer.id);
    expect(review.history.filter((entry) => entry.kind === "assignment")).toHaveLength(1);

    // Shown with the current assignee, the same change goes through.
    await assignApplication(admin, { applicationId: id, reviewerId: admin.id, expectedReviewerId: reviewer.id });
    review = await getApplicationForReview(admin, id);
    expect(review.assignedReviewer?.id).toBe(admin.id);
    await assignApplication(admin, { applicationId: id, reviewerId: null, expectedReviewerId: admin.id });
    expect((await getApplicationForReview(admin, id)).assignedReviewer).toBeNull();
    await assignApplication(reviewer, { applicationId: id, reviewerId: reviewer.id, expectedReviewerId: null });
    expect((await getApplicationForReview(admin, id)).assignedReviewer?.id).toBe(reviewer.id);
  });

  it("refuses an applicant or a deactivated account as assignee, and closed applications", async () => {
    const id = await make.application(organizationId, "submitted");
    await expectAppError(assignApplication(reviewer, { applicationId: id, reviewerId: applicant.id }), "invalid");
    const gone = await make.user("reviewer");
    await testDb().db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
    await expectAppError(assignApplication(reviewer, { applicationId: id, reviewerId: gone.id }), "invalid");
    await expectAppError(assignApplication(applicant, { applicationId: id, reviewerId: reviewer.id }), "forbidden");
    const decided = await make.application(organizationId, "rejected");
    await expectAppError(assignApplication(reviewer, { applicationId: decided, reviewerId: reviewer.id }), "conflict");
    const draft = await make.application(organizationId, "draft");
    await expectAppError(assignApplication(reviewer, { applicationId: draft, reviewerId: reviewer.id }), "not_found");
    const [row] = await testDb().db.select().from(applications).where(eq(applications.id, id));
    expect(row!.assignedReviewerId).toBeNull();
  });
});

describe("notes and messages", () => {
  it("keeps internal notes from the applicant and e-mails messages to them", async () => {
    const id = await make.application(organizationId, "in_review");
    await addInternalNote(reviewer, { applicationId: id, message: "Llamar a la organización." });
    await sendApplicantMessage(reviewer, { applicationId: id, message: "¿Pueden enviar el informe 2024?" });
    const history = await make.historyOf(id);
    expect(history.map(({ kind, visibleToApplicant, message }) => ({ kind, visibleToApplicant, message }))).toEqual(
      expect.arrayContaining([
        { kind: "note", visibleToApplicant: false, message: "Llamar a la organización." },
        { kind: "message", visibleToApplicant: true, message: "¿Pueden enviar el informe 2024?" },
      ]),
    );
    const mails = await make.mailTo(colleague.email);
    expect(mails.some((mail) => mail.text.includes("¿Pueden enviar el informe 2024?"))).toBe(true);
    expect(mails.some((mail) => mail.text.includes("Llamar a la organización."))).toBe(false);
  });

  it("refuses empty notes, applicants and drafts", async () => {
    const id = await make.application(organizationId, "in_review");
    await expectAppError(addInternalNote(reviewer, { applicationId: id, message: "   " }), "invalid");
    await expectAppError(addInternalNote(applicant, { applicationId: id, message: "hola" }), "forbidden");
    await expectAppError(sendApplicantMessage(applicant, { applicationId: id, message: "hola" }), "forbidden");
    const draft = await make.application(organizationId, "draft");
    await expectAppError(addInternalNote(reviewer, { applicationId: draft, message: "hola" }), "not_found");
    expect(await make.historyOf(id)).toEqual([]);
  });
});

describe("getApplicationForReview", () => {
  it("gives the organization's answers in the order of the applicant's form, whatever order the database keeps", async () => {
    // As the form asks them (components/applicant/section-form.tsx) and the check-your-answers page lists them.
    const formOrder = [
      "legalName",
      "acronym",
      "type",
      "country",
      "city",
      "foundedYear",
      "registryName",
      "registryNumber",
      "website",
      "contactEmail",
      "countriesOfWork",
    ];
    const organization = {
      legalName: "Coletivo Mulheres Migrantes",
      acronym: "CMM",
      type: "grassroots",
      country: "BR",
      city: "São Paulo",
      foundedYear: 2012,
      registryName: "Cartório",
      registryNumber: "12.345",
      website: null,
      contactEmail: "contato@example.org",
      countriesOfWork: ["BR"],
      formerField: "kept, last",
    };
    const id = await make.application(organizationId, "submitted", { sections: { organization } as never });
    const stored = (await getApplicationForReview(reviewer, id)).sections.organization as unknown as Record<string, unknown>;
    expect(Object.keys(stored)).not.toEqual([...formOrder, "formerField"]); // JSONB orders keys its own way
    expect(orderedAnswers("organization", stored)).toEqual(
      [...formOrder, "formerField"].map((field) => [field, organization[field as keyof typeof organization]]),
    );
    expect(SECTION_FIELDS.organization).toEqual(formOrder);
  });

  it("shows staff the whole history, sections as stored, and hides drafts", async () => {
    const id = await make.application(organizationId, "submitted", {
      sections: { work: { themes: ["gender"], populationsServed: "Mujeres", description: "Apoyo" } },
    });
    await addInternalNote(reviewer, { applicationId: id, message: "interna" });
    const review = await getApplicationForReview(reviewer, id);
    expect(review.sections).toEqual({ work: { themes: ["gender"], populationsServed: "Mujeres", description: "Apoyo" } });
    expect(review.history.map((entry) => entry.message)).toEqual(["interna"]);
    expect(review.earlierApplications.length).toBeGreaterThan(0);
    await expectAppError(getApplicationForReview(applicant, id), "forbidden");
    const draft = await make.application(organizationId, "draft");
    await expectAppError(getApplicationForReview(reviewer, draft), "not_found");
  });
});

describe("getApplicationForReview: documents and the organization's record", () => {
  it("lists the application's documents and the organization's earlier applications and accreditation", async () => {
    const { db } = testDb();
    const org = await make.organization("Red con Historia");
    const earlier = await make.application(org, "accredited_observer");
    await db.insert(accreditations).values({ organizationId: org, category: "observer", applicationId: earlier });
    const id = await make.application(org, "submitted");
    await db.insert(documentBlobs).values({ storageKey: `k-${id}`, bytes: new Uint8Array([1, 2, 3]) });
    await db.insert(documents).values({
      applicationId: id,
      kind: "statute",
      fileName: "estatuto.pdf",
      contentType: "application/pdf",
      size: 3,
      sha256: "x",
      storageKey: `k-${id}`,
    });

    const review = await getApplicationForReview(reviewer, id);
    expect(review.documents).toMatchObject([{ kind: "statute", fileName: "estatuto.pdf", contentType: "application/pdf", size: 3 }]);
    expect(Object.keys(review.documents[0]!)).not.toContain("storageKey");
    expect(review.earlierApplications).toMatchObject([{ id: earlier, status: "accredited_observer" }]);
    expect(review.accreditation).toMatchObject({ category: "observer", status: "active", history: [] });
  });
});
