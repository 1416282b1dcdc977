import type { Page, Response } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { messages } from "./support/catalog";
import { journey, outsider, race, reviewerCannotDecide } from "./support/fixtures/secretariat";
import { latestMailTo } from "./support/mail";
import {
  ACTIONS_FILE,
  STAFF_ACTIONS_FILE,
  answerInformationRequest,
  openFromQueue,
  openOwnApplication,
  searchRegister,
  signInAsStaff,
  signOut,
} from "./support/secretariat";
import { callServerAction, serverActionId } from "./support/server-actions";

/** A 1×1 PNG. */
const PNG_PIXEL = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const DOCUMENT_PREVIEW = /\/api\/documents\/[0-9a-f-]{36}\?disposition=inline$/;

function statusOnPage(page: Page) {
  return page.getByTestId("application-status");
}

/**
 * Keeps every document preview response the page receives, to find the one a frame or image
 * loaded (the first: Chromium's PDF viewer fetches the same address again from inside the frame).
 */
function recordPreviews(page: Page): (src: string) => Promise<Response> {
  const responses: Response[] = [];
  page.on("response", (response) => {
    if (DOCUMENT_PREVIEW.test(response.url())) responses.push(response);
  });
  return async (src) => {
    await expect.poll(() => responses.some((response) => response.url().endsWith(src)), { message: `the preview ${src} was loaded` }).toBe(true);
    return responses.find((response) => response.url().endsWith(src))!;
  };
}

test.describe("The review journey", () => {
  test("a reviewer asks for information, the applicant answers, the reviewer recommends, an admin decides and the register shows it at once", async ({
    page,
    browser,
  }) => {
    // Three accounts, a dozen steps and the public register on a shared 2-core machine.
    test.setTimeout(180_000);
    const es = messages("es");
    const en = messages("en");
    const pt = messages("pt");
    const { legalName, slug } = journey.organization;
    const applicantEmail = journey.applicant.email;

    // The reviewer finds the application in the queue, without accents.
    await signInAsStaff(page, journey.reviewer.email, "es");
    const previewResponse = recordPreviews(page);
    const applicationId = await openFromQueue(page, "es", "asociacion caminos del sur fixture", legalName);

    // Every section is shown.
    await expect(page.getByText(`${legalName} acompaña a personas migrantes`)).toBeVisible();
    await expect(page.getByText("Asilo y refugio, Migración laboral")).toBeVisible();
    await expect(page.getByText("Perú, Bolivia")).toBeVisible();
    await expect(
      page.getByRole("region", { name: es.SecretariatLabels.section.governance }).getByText("Cooperación internacional, fundaciones privadas"),
    ).toBeVisible();
    // Documents open through the documents route; a PDF is previewed in a frame, served to staff as a PDF.
    const statute = `${es.SecretariatLabels.documentKind.statute}: ${slug}-statute.pdf`;
    const documentLink = page.getByRole("link", { name: es.Review.openDocument.replace("{name}", statute) });
    await expect(documentLink).toHaveAttribute("href", DOCUMENT_PREVIEW);
    const statuteHref = (await documentLink.getAttribute("href"))!;
    const statuteFrame = page.locator(`iframe[title="${es.Review.previewOf.replace("{name}", statute)}"]`);
    await expect(statuteFrame).toHaveAttribute("src", statuteHref);
    const pdf = await previewResponse(statuteHref);
    expect(pdf.status()).toBe(200);
    const pdfHeaders = await pdf.allHeaders();
    expect(pdfHeaders["content-type"]).toBe("application/pdf");
    expect(pdfHeaders["content-disposition"]).toMatch(/^inline;/);
    expect(pdfHeaders["x-content-type-options"]).toBe("nosniff");
    expect(pdfHeaders["content-security-policy"]).toContain("default-src 'none'");
    // And it is shown: a browser with a PDF viewer opens it inside the preview frame (the route's CSP sandbox does not stop it).
    if (await page.evaluate(() => navigator.pdfViewerEnabled)) {
      await expect
        .poll(() => page.frames().some((frame) => frame.url().startsWith("chrome-extension://") && frame.parentFrame()?.url().endsWith(statuteHref)), {
          message: "the PDF viewer runs in the preview frame",
        })
        .toBe(true);
    }

    await page.getByRole("button", { name: es.Review.startReview }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Review.reviewStarted })).toBeVisible();
    await expect(statusOnPage(page)).toHaveText(es.Status.in_review);
    await expect(page.getByTestId("assigned-reviewer")).toHaveText(journey.reviewer.email);

    // An internal note, kept from the applicant.
    await page.getByLabel(es.Review.noteLabel).fill("Verificar el registro en SUNARP.");
    await page.getByRole("button", { name: es.Review.addNote }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Review.noteAdded })).toBeVisible();
    const note = page.getByTestId("history").getByRole("listitem").filter({ hasText: "Verificar el registro en SUNARP." });
    await expect(note).toContainText(es.Review.kind.note);
    await expect(note).toContainText(es.Review.internal);

    // Information request: sections are required; then the applicant gets it in Portuguese.
    await page.getByText(es.Review.requestInfoTitle, { exact: true }).first().click();
    await page.getByLabel(es.Review.requestInfoMessage).fill("Adjunten el estatuto vigente y detallen su financiamiento.");
    await page.getByRole("button", { name: es.Review.requestInfo }).click();
    await expect(page.getByRole("alert").filter({ hasText: es.Errors.invalid })).toBeVisible();
    await expect(page.getByText(es.Validation.chooseAtLeastOne, { exact: true })).toBeVisible();
    await expect(page.getByLabel(es.Review.requestInfoMessage)).toHaveValue("Adjunten el estatuto vigente y detallen su financiamiento.");
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
    expect(mail.text).toContain("Adjunten el estatuto vigente y detallen su financiamiento.");
    expect(mail.text).toContain(`/pt/applicant`);

    // The applicant, in their own browser and language, replaces the statute and answers.
    const applicantContext = await browser.newContext({ baseURL: new URL(page.url()).origin });
    const applicantPage = await applicantContext.newPage();
    await signIn(applicantPage, applicantEmail, "pt");
    expect(await openOwnApplication(applicantPage, "pt")).toBe(applicationId);
    await expect(applicantPage.getByRole("region", { name: pt.ApplicantStatus.requestTitle })).toContainText(
      "Adjunten el estatuto vigente y detallen su financiamiento.",
    );
    const docs = pt.ApplicantDocuments;
    await applicantPage.goto(`/pt/applicant/applications/${applicationId}/documents`);
    const statuteForm = applicantPage.getByRole("region", { name: new RegExp(`^${docs.kind.statute}\\b`) });
    // Chosen, it uploads at once (the upload button is only there until the page's script runs).
    await expect(statuteForm.getByRole("button", { name: docs.upload.replace("{document}", docs.kind.statute) })).toHaveCount(0);
    await statuteForm.getByLabel(docs.replace.replace("{document}", docs.kind.statute)).setInputFiles({
      name: "estatuto.png",
      mimeType: "image/png",
      buffer: PNG_PIXEL,
    });
    await expect(statuteForm.getByRole("status").filter({ hasText: docs.uploaded.replace("{file}", "estatuto.png") })).toBeVisible();
    await expect(statuteForm.getByRole("link", { name: "estatuto.png" })).toBeVisible();
    await answerInformationRequest(applicantPage, "pt", applicationId, "Enviamos o estatuto atualizado.");
    await applicantContext.close();

    // Back with the reviewer: the answer is in the history, the new statute previewed as an image, still sandboxed.
    await page.reload();
    await expect(statusOnPage(page)).toHaveText(es.Status.in_review);
    await expect(page.getByTestId("history")).toContainText("Enviamos o estatuto atualizado.");
    const newStatute = `${es.SecretariatLabels.documentKind.statute}: estatuto.png`;
    const imagePreview = page.getByRole("img", { name: es.Review.previewOf.replace("{name}", newStatute) });
    await expect(imagePreview).toHaveAttribute("src", DOCUMENT_PREVIEW);
    const image = await previewResponse((await imagePreview.getAttribute("src"))!);
    expect(image.status()).toBe(200);
    const imageHeaders = await image.allHeaders();
    expect(imageHeaders["content-type"]).toBe("image/png");
    expect(imageHeaders["x-content-type-options"]).toBe("nosniff");
    expect(imageHeaders["content-security-policy"]).toContain("sandbox");
    expect(await imagePreview.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);

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
    await expect(checklist.getByLabel(`${es.Review.eligibilityNote} — ${es.SecretariatLabels.criterion.two_years_activity}`)).toHaveValue(
      "Informes 2022 y 2023.",
    );

    // The recommendation; a reviewer sees no decision form.
    await page.getByText(es.Review.recommendTitle, { exact: true }).first().click();
    await page.getByRole("group", { name: es.Review.recommendation }).getByLabel(es.SecretariatLabels.recommendation.participant).check();
    await page.getByLabel(es.Review.rationale).fill("Cumple los seis criterios.");
    await page.getByRole("button", { name: es.Review.recommend }).click();
    await expect(page.getByRole("status").filter({ hasText: es.Review.recommended })).toBeVisible();
    // The recommendation opens the member states' consultation.
    await expect(statusOnPage(page)).toHaveText(es.Status.in_consultation);
    await expect(page.getByTestId("consultation")).toBeVisible();
    await expect(page.getByText(es.Review.decideAdminOnly)).toBeVisible();
    await expect(page.getByRole("button", { name: es.Review.decide })).toHaveCount(0);
    await signOut(page, "es");

    // Before the decision a visitor's search finds nothing; that answer is now in the register's cache.
    const registerSearch = "asociacion caminos del sur fixture";
    const before = await searchRegister(page, "en", registerSearch);
    await expect(page.getByRole("heading", { level: 2, name: /^No organizations found$/ })).toBeVisible();
    await expect(before).toHaveCount(0);
    expect((await page.goto(`/en/register/${slug}`))?.status()).toBe(404);

    // The admin decides, in English.
    await signInAsStaff(page, journey.admin.email, "en");
    await page.goto(`/en/secretariat/applications/${applicationId}`);
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(legalName) })).toBeVisible();
    await expect(page.getByTestId("recommendation")).toContainText("Cumple los seis criterios.");
    await expect(page.getByText(en.Review.noAccreditation)).toBeVisible();
    const decision = page.getByRole("group", { name: en.Review.decision });
    await decision.getByLabel(en.SecretariatLabels.recommendation.participant).check();
    await page.getByLabel(en.Review.reason).fill("Meets every criterion of the CSM statute.");
    // Deciding asks for confirmation first, saying what will happen; going back changes nothing.
    await page.getByRole("button", { name: en.Review.decide }).click();
    const confirm = page.getByRole("dialog", { name: en.Review.confirm.title });
    await expect(confirm).toContainText(en.Review.confirm.participant.replace("{organization}", legalName));
    await expect(confirm.getByRole("button", { name: en.Review.confirm.submit })).toBeFocused();
    await confirm.getByRole("button", { name: en.Review.confirm.back }).click();
    await expect(confirm).toBeHidden();
    await page.reload();
    await expect(statusOnPage(page)).toHaveText(en.Status.in_consultation);
    await decision.getByLabel(en.SecretariatLabels.recommendation.participant).check();
    await page.getByLabel(en.Review.reason).fill("Meets every criterion of the CSM statute.");
    // Before the member states' window closes, the admin says why the decision cannot wait.
    await page.locator("#decide-early-close").fill("The plenary meets tomorrow.");
    const decidedSince = Date.now();
    await page.getByRole("button", { name: en.Review.decide }).click();
    await confirm.getByRole("button", { name: en.Review.confirm.submit }).click();
    await expect(page.getByRole("status").filter({ hasText: en.Review.decided })).toBeVisible();
    await expect(statusOnPage(page)).toHaveText(en.Status.accredited_participant);
    await expect(page.getByTestId("decision")).toContainText("Meets every criterion of the CSM statute.");
    await expect(page.getByTestId("accreditation")).toContainText(en.Category.participant);

    const decisionMail = await latestMailTo(applicantEmail, { since: decidedSince });
    expect(decisionMail.subject).toBe(pt.SecretariatEmail.decided.subject);
    expect(decisionMail.text).toContain(pt.SecretariatEmail.decided.participant);
    expect(decisionMail.text).toContain("Meets every criterion of the CSM statute.");
    await signOut(page, "en");

    // The same search, right after: listed as a participant (no stale cache), and its public page.
    const after = await searchRegister(page, "en", registerSearch);
    await expect(after).toHaveCount(1);
    const card = page.locator(`article[data-slug="${slug}"]`);
    await expect(card.getByRole("link", { name: legalName, exact: true })).toBeVisible();
    await expect(card).toContainText(en.Category.participant);
    await card.getByRole("link", { name: legalName, exact: true }).click();
    await expect(page).toHaveURL(`/en/register/${slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(legalName);
    const accreditation = page.getByRole("region", { name: en.RegisterOrganization.accreditationTitle });
    await expect(accreditation).toContainText(en.Category.participant);
    await expect(accreditation).toContainText(messages("en").Register.statusActive);
  });

  test("of two staff acting at once, the second is told that someone changed the application first", async ({ page }) => {
    const es = messages("es");
    const { legalName } = race.organization;
    await signInAsStaff(page, race.reviewer.email, "es");
    const applicationId = await openFromQueue(page, "es", "red simultanea fixture", legalName);
    await expect(page.getByRole("button", { name: es.Review.startReview })).toBeVisible();

    // Meanwhile, another tab starts the review.
    const other = await callServerAction(page.request, `/es/secretariat/applications/${applicationId}`, serverActionId("startReviewAction", ACTIONS_FILE), {
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
    await expect(page.getByTestId("assigned-reviewer")).toHaveText(race.reviewer.email);
    await page.goto("/es/secretariat");
    await expect(page.getByRole("region", { name: es.Secretariat.myWorkTitle }).getByRole("link", { name: legalName })).toBeVisible();
    // "Assigned to me (n)" opens the queue on exactly those rows.
    const assigned = page.getByTestId("assigned-to-me");
    await expect(assigned).toHaveText(es.Secretariat.assignedToMe.replace("{count}", "1"));
    await assigned.click();
    await expect(page).toHaveURL(/\/es\/secretariat\/applications\?reviewer=me$/);
    await expect(page.getByTestId("queue-total")).toHaveText("1 solicitud");
    await expect(page.getByRole("table", { name: es.Queue.tableCaption }).getByRole("link", { name: legalName })).toBeVisible();
  });

  test("a reviewer cannot decide: no decision form, and a direct call of the action is refused", async ({ page }) => {
    const es = messages("es");
    const { legalName, slug } = reviewerCannotDecide.organization;
    await signInAsStaff(page, reviewerCannotDecide.reviewer.email, "es");
    const applicationId = await openFromQueue(page, "es", "fundacion recomendada fixture", legalName);
    await expect(statusOnPage(page)).toHaveText(es.Status.recommended);
    await expect(page.getByText(es.Review.decideAdminOnly)).toBeVisible();
    await expect(page.getByRole("button", { name: es.Review.decide })).toHaveCount(0);
    await expect(page.getByRole("group", { name: es.Review.decision })).toHaveCount(0);

    const response = await callServerAction(
      page.request,
      `/es/secretariat/applications/${applicationId}`,
      serverActionId("decideApplicationAction", ACTIONS_FILE),
      { applicationId, decision: "participant", reason: "Decidido por quien no puede." },
    );
    expect(await response.text()).toContain(es.Errors.forbidden);

    // Nothing changed: still recommended, not accredited, not in the register.
    await page.reload();
    await expect(statusOnPage(page)).toHaveText(es.Status.recommended);
    await expect(page.getByText(es.Review.noAccreditation)).toBeVisible();
    await expect(page.getByTestId("accreditation")).toHaveCount(0);
    await expect(await searchRegister(page, "es", "fundacion recomendada fixture")).toHaveCount(0);
    expect((await page.goto(`/es/register/${slug}`))?.status()).toBe(404);
  });

  test("an applicant reaches no secretariat page, export or action", async ({ page }) => {
    const es = messages("es");
    const { slug } = outsider.organization;
    await signIn(page, outsider.applicant.email, "es");
    const applicationId = await openOwnApplication(page, "es");

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
      const response = await callServerAction(page.request, `/es/secretariat/applications/${applicationId}`, serverActionId(name, ACTIONS_FILE), fields);
      expect(await response.text(), name).toContain(es.Errors.forbidden);
    }
    const staffResponse = await callServerAction(page.request, "/es/secretariat/staff", serverActionId("inviteStaffAction", STAFF_ACTIONS_FILE), {
      email: outsider.applicant.email,
      role: "admin",
      locale: "es",
    });
    expect(await staffResponse.text()).toContain(es.Errors.forbidden);

    // Nothing changed: the application is still waiting for a decision, and the register does not list it.
    await openOwnApplication(page, "es");
    await expect(page.getByText(es.ApplicantStatus.explain.recommended)).toBeVisible();
    expect((await page.goto(`/es/register/${slug}`))?.status()).toBe(404);
    const again = await page.goto("/es/secretariat");
    expect(again?.status()).toBe(403);
  });
});
