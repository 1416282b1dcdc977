import type { Page } from "@playwright/test";
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { type Locale, messages } from "./support/catalog";
import { latestMailTo } from "./support/mail";
import {
  accreditationOf,
  callServerAction,
  createApplication,
  createUser,
  respondAsApplicant,
  serverActionId,
} from "./support/secretariat";

/** A 1×1 PNG. */
const PNG_PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

const ACTIONS_FILE = "app/[locale]/(secretariat)/secretariat/applications/[id]/actions.ts";

async function signInAs(page: Page, email: string, locale: Locale) {
  await signIn(page, email, locale, { landsOn: `/${locale}/secretariat` });
  await expect(page.getByRole("heading", { level: 1, name: messages(locale).Secretariat.title })).toBeVisible();
}

async function signOut(page: Page, locale: Locale) {
  await page.getByRole("banner").getByRole("button", { name: messages(locale).Nav.signOut }).click();
  await expect(page).toHaveURL(`/${locale}`);
}

function statusOnPage(page: Page) {
  return page.getByTestId("application-status");
}

test.describe("The review journey", () => {
  test("a reviewer asks for information, the applicant answers, the reviewer recommends and an admin decides", async ({ page, request }) => {
    // Three sign-ins and a dozen steps on a shared 2-core machine.
    test.setTimeout(150_000);
    const es = messages("es");
    const en = messages("en");
    const pt = messages("pt");
    const token = Math.random().toString(36).slice(2, 8);
    const applicantEmail = uniqueEmail("applicant-pt");
    const reviewerEmail = uniqueEmail("reviewer");
    const adminEmail = uniqueEmail("admin");
    await createUser(request, applicantEmail, "applicant", "pt");
    await createUser(request, reviewerEmail, "reviewer", "es");
    await createUser(request, adminEmail, "admin", "en");
    const legalName = `Asociación Caminos del Sur ${token}`;
    const { applicationId, organizationId } = await createApplication(request, {
      legalName,
      acronym: `ACS${token}`,
      country: "PE",
      status: "submitted",
      memberEmail: applicantEmail,
      sections: {
        organization: { legalName, acronym: null, type: "ngo", country: "PE", city: "Lima", countriesOfWork: ["PE", "BO"] },
        work: { themes: ["asylum", "labour"], populationsServed: "Personas refugiadas", description: "Acompañamiento legal." },
      },
      documents: [{ kind: "statute", fileName: "estatuto.png", contentType: "image/png", base64: PNG_PIXEL }],
    });

    // The reviewer finds the application in the queue, accents or not.
    await signInAs(page, reviewerEmail, "es");
    await page.getByRole("navigation", { name: es.Secretariat.subnav }).getByRole("link", { name: es.Secretariat.navQueue }).click();
    await page.getByLabel(es.Queue.search).fill(`asociacion caminos del sur ${token}`);
    await page.getByRole("button", { name: es.Queue.apply }).click();
    await expect(page.getByTestId("queue-total")).toHaveText("1 solicitud");
    await page.getByRole("link", { name: legalName }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(legalName) })).toBeVisible();

    // Every section present is shown; a missing one says so.
    await expect(page.getByText("Acompañamiento legal.")).toBeVisible();
    await expect(page.getByText("Asilo y refugio, Migración laboral")).toBeVisible();
    await expect(page.getByText("Perú, Bolivia")).toBeVisible();
    await expect(page.getByRole("region", { name: es.SecretariatLabels.section.governance }).getByText(es.Review.sectionMissing)).toBeVisible();
    // Documents open through the documents route, images previewed inline.
    const statute = `${es.SecretariatLabels.documentKind.statute}: estatuto.png`;
    const documentLink = page.getByRole("link", { name: es.Review.openDocument.replace("{name}", statute) });
    await expect(documentLink).toHaveAttribute("href", /^\/api\/documents\/[0-9a-f-]{36}\?disposition=inline$/);
    await expect(page.getByRole("img", { name: es.Review.previewOf.replace("{name}", statute) })).toHaveAttribute(
      "src",
      (await documentLink.getAttribute("href"))!,
    );

    await page.getByRole("button", { name: es.Review.startReview }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Review.reviewStarted })).toBeVisible();
    await expect(statusOnPage(page)).toHaveText(es.Status.in_review);
    await expect(page.getByTestId("assigned-reviewer")).toHaveText(reviewerEmail);

    // An internal note, kept from the applicant.
    await page.getByLabel(es.Review.noteLabel).fill("Verificar el registro en SUNARP.");
    await page.getByRole("button", { name: es.Review.addNote }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Review.noteAdded })).toBeVisible();
    const note = page.getByTestId("history").getByRole("listitem").filter({ hasText: "Verificar el registro en SUNARP." });
    await expect(note).toContainText(es.Review.kind.note);
    await expect(note).toContainText(es.Review.internal);

    // Information request: sections are required; then the applicant gets it in Portuguese.
    await page.getByText(es.Review.requestInfoTitle, { exact: true }).first().click();
    await page.getByLabel(es.Review.requestInfoMessage).fill("Adjunten el estatuto y detallen su financiamiento.");
    await page.getByRole("button", { name: es.Review.requestInfo }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Errors.invalid })).toBeVisible();
    await expect(page.getByText(es.Validation.required)).toBeVisible();
    await expect(page.getByLabel(es.Review.requestInfoMessage)).toHaveValue("Adjunten el estatuto y detallen su financiamiento.");
    const sections = page.getByRole("group", { name: es.Review.requestInfoSections });
    await sections.getByLabel(es.SecretariatLabels.section.documents).check();
    await sections.getByLabel(es.SecretariatLabels.section.governance).check();
    const since = Date.now();
    await page.getByRole("button", { name: es.Review.requestInfo }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Review.infoRequested })).toBeVisible();
    await expect(statusOnPage(page)).toHaveText(es.Status.info_requested);
    const mail = await latestMailTo(applicantEmail, { since });
    expect(mail.subject).toBe(pt.SecretariatEmail.infoRequested.subject);
    expect(mail.text).toContain(pt.SecretariatLabels.section.documents);
    expect(mail.text).toContain(pt.SecretariatLabels.section.governance);
    expect(mail.text).toContain("Adjunten el estatuto y detallen su financiamiento.");
    expect(mail.text).toContain(`/pt/applicant`);

    // The applicant answers (their pages belong to the applicant area).
    await respondAsApplicant(request, applicationId, applicantEmail, "Enviamos o estatuto atualizado.");
    await page.reload();
    await expect(statusOnPage(page)).toHaveText(es.Status.in_review);
    await expect(page.getByTestId("history")).toContainText("Enviamos o estatuto atualizado.");

    // The eligibility checklist, by keyboard.
    const checklist = page.getByRole("region", { name: es.Review.eligibilityTitle });
    for (const criterion of Object.values(es.SecretariatLabels.criterion)) {
      const box = checklist.getByRole("checkbox", { name: criterion });
      await box.focus();
      await page.keyboard.press("Space");
      await expect(box).toBeChecked();
    }
    await checklist.getByLabel(`${es.Review.eligibilityNote} — ${es.SecretariatLabels.criterion.two_years_activity}`).fill("Informes 2022 y 2023.");
    await checklist.getByRole("button", { name: es.Review.eligibilitySave }).click();
    await expect(checklist.getByRole("status").filter({ hasText: es.Review.eligibilitySaved })).toBeVisible();
    await page.reload();
    await expect(checklist.getByRole("checkbox", { name: es.SecretariatLabels.criterion.independent })).toBeChecked();
    await expect(
      checklist.getByLabel(`${es.Review.eligibilityNote} — ${es.SecretariatLabels.criterion.two_years_activity}`),
    ).toHaveValue("Informes 2022 y 2023.");

    // The recommendation; a reviewer sees no decision form.
    await page.getByText(es.Review.recommendTitle, { exact: true }).first().click();
    await page.getByRole("group", { name: es.Review.recommendation }).getByLabel(es.SecretariatLabels.recommendation.participant).check();
    await page.getByLabel(es.Review.rationale).fill("Cumple los seis criterios.");
    await page.getByRole("button", { name: es.Review.recommend }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Review.recommended })).toBeVisible();
    await expect(statusOnPage(page)).toHaveText(es.Status.recommended);
    await expect(page.getByText(es.Review.decideAdminOnly)).toBeVisible();
    await expect(page.getByRole("button", { name: es.Review.decide })).toHaveCount(0);
    await signOut(page, "es");

    // The admin decides, in English.
    await signInAs(page, adminEmail, "en");
    await page.goto(`/en/secretariat/applications/${applicationId}`);
    await expect(page.getByTestId("recommendation")).toContainText("Cumple los seis criterios.");
    const decision = page.getByRole("group", { name: en.Review.decision });
    await decision.getByLabel(en.SecretariatLabels.recommendation.participant).check();
    await page.getByLabel(en.Review.reason).fill("Meets every criterion of the CSM statute.");
    const decidedSince = Date.now();
    await page.getByRole("button", { name: en.Review.decide }).click();
    await expect(page.getByRole("status").filter({ hasText: en.Review.decided })).toBeVisible();
    await expect(statusOnPage(page)).toHaveText(en.Status.accredited_participant);
    await expect(page.getByTestId("decision")).toContainText("Meets every criterion of the CSM statute.");
    await expect(page.getByTestId("accreditation")).toContainText(en.Category.participant);

    expect(await accreditationOf(request, organizationId)).toEqual({ category: "participant", status: "active", applicationId });
    const decisionMail = await latestMailTo(applicantEmail, { since: decidedSince });
    expect(decisionMail.subject).toBe(pt.SecretariatEmail.decided.subject);
    expect(decisionMail.text).toContain(pt.SecretariatEmail.decided.participant);
    expect(decisionMail.text).toContain("Meets every criterion of the CSM statute.");
  });

  test("of two staff acting at once, the second is told that someone changed the application first", async ({ page, request }) => {
    const es = messages("es");
    const reviewerEmail = uniqueEmail("reviewer");
    await createUser(request, reviewerEmail, "reviewer", "es");
    const { applicationId } = await createApplication(request, { legalName: `Red Simultánea ${Date.now()}`, country: "EC", status: "submitted" });
    await signInAs(page, reviewerEmail, "es");
    await page.goto(`/es/secretariat/applications/${applicationId}`);
    await expect(page.getByRole("button", { name: es.Review.startReview })).toBeVisible();

    // Meanwhile, another tab starts the review.
    const other = await callServerAction(page, `/es/secretariat/applications/${applicationId}`, serverActionId(ACTIONS_FILE, "startReviewAction"), {
      applicationId,
    });
    expect(other.headers()["x-action-redirect"]).toContain("done=started");

    await page.getByRole("button", { name: es.Review.startReview }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Errors.conflict })).toBeVisible();
    await page.reload();
    await expect(statusOnPage(page)).toHaveText(es.Status.in_review);
    await expect(page.getByTestId("history").getByRole("listitem").filter({ hasText: es.Status.in_review })).toHaveCount(1);

    // Unassigned, then taken back with "assign to me".
    const assignment = page.getByRole("region", { name: es.Review.assignTitle });
    await assignment.getByLabel(es.Review.assignTo).selectOption("");
    await assignment.getByRole("button", { name: es.Review.assign, exact: true }).click();
    await expect(page.getByTestId("assigned-reviewer")).toHaveText(es.Review.unassigned);
    await assignment.getByRole("button", { name: es.Review.assignToMe }).click();
    await expect(page.getByTestId("assigned-reviewer")).toHaveText(reviewerEmail);
    await page.goto("/es/secretariat");
    await expect(page.getByRole("region", { name: es.Secretariat.myWorkTitle }).getByRole("link", { name: /Red Simultánea/ })).toBeVisible();
  });

  test("a reviewer cannot decide: no decision form, and a direct call of the action is refused", async ({ page, request }) => {
    const es = messages("es");
    const reviewerEmail = uniqueEmail("reviewer");
    await createUser(request, reviewerEmail, "reviewer", "es");
    const { applicationId, organizationId } = await createApplication(request, {
      legalName: `Fundación Recomendada ${Date.now()}`,
      country: "PY",
      status: "recommended",
    });

    await signInAs(page, reviewerEmail, "es");
    await page.goto(`/es/secretariat/applications/${applicationId}`);
    await expect(statusOnPage(page)).toHaveText(es.Status.recommended);
    await expect(page.getByText(es.Review.decideAdminOnly)).toBeVisible();
    await expect(page.getByRole("button", { name: es.Review.decide })).toHaveCount(0);
    await expect(page.getByRole("group", { name: es.Review.decision })).toHaveCount(0);

    const response = await callServerAction(page, `/es/secretariat/applications/${applicationId}`, serverActionId(ACTIONS_FILE, "decideApplicationAction"), {
      applicationId,
      decision: "participant",
      reason: "Decidido por quien no puede.",
    });
    expect(await response.text()).toContain(es.Errors.forbidden);

    await page.reload();
    await expect(statusOnPage(page)).toHaveText(es.Status.recommended);
    expect(await accreditationOf(request, organizationId)).toBeNull();
  });

  test("an applicant reaches no secretariat page, export or action", async ({ page, request }) => {
    const es = messages("es");
    const applicantEmail = uniqueEmail("outsider");
    await createUser(request, applicantEmail, "applicant", "es");
    const { applicationId, organizationId } = await createApplication(request, {
      legalName: `Red Ajena ${Date.now()}`,
      country: "CL",
      status: "recommended",
      memberEmail: applicantEmail,
    });
    await signIn(page, applicantEmail, "es");

    for (const path of [
      "/es/secretariat",
      "/es/secretariat/applications",
      `/es/secretariat/applications/${applicationId}`,
      "/es/secretariat/staff",
      "/es/secretariat/audit",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: es.Forbidden.title })).toBeVisible();
    }
    for (const path of ["/api/secretariat/queue", "/api/secretariat/audit"]) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }

    for (const [name, fields] of [
      ["decideApplicationAction", { applicationId, decision: "participant", reason: "Nos aprobamos solos." }],
      ["startReviewAction", { applicationId }],
      ["addInternalNoteAction", { applicationId, message: "nota" }],
    ] as const) {
      const response = await callServerAction(page, `/es/secretariat/applications/${applicationId}`, serverActionId(ACTIONS_FILE, name), fields);
      expect(await response.text(), name).toContain(es.Errors.forbidden);
    }
    const staffResponse = await callServerAction(
      page,
      "/es/secretariat/staff",
      serverActionId("app/[locale]/(secretariat)/secretariat/staff/actions.ts", "inviteStaffAction"),
      { email: applicantEmail, role: "admin", locale: "es" },
    );
    expect(await staffResponse.text()).toContain(es.Errors.forbidden);

    expect(await accreditationOf(request, organizationId)).toBeNull();
    const again = await page.goto("/es/secretariat");
    expect(again?.status()).toBe(403);
  });
});
