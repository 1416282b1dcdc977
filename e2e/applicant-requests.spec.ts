import { expect, signIn, test } from "./fixtures";
import {
  callApplicantAction,
  decideParticipant,
  expectFileRefused,
  expectStatus,
  fmt,
  openSeededApplication,
  pdfFile,
  recommendParticipant,
  signInStaff,
  startReviewAndRequestInformation,
  uploadDocument,
} from "./support/applicant";
import { messages } from "./support/catalog";
import { DECISION, INFO_REQUEST, OUTSIDER, UPLOADS, WITHDRAWAL } from "./support/fixtures/applicant";
import { latestMailTo } from "./support/mail";

test.describe("After submission", () => {
  test("the secretariat asks for information; the applicant edits the named sections, uploads, and answers", async ({ page, browser, a11y }) => {
    test.setTimeout(180_000);
    const t = messages("es");
    // Submitted by the fixtures; a reviewer (who reads English) takes it up in the secretariat's pages.
    await signIn(page, INFO_REQUEST.applicant, "es");
    const applicationId = await openSeededApplication(page, "es");
    await expect(page.getByText(t.ApplicantStatus.explain.submitted)).toBeVisible();

    const { context, staff } = await signInStaff(browser, INFO_REQUEST.reviewer, "en");
    await startReviewAndRequestInformation(
      staff,
      "en",
      applicationId,
      ["work", "documents"],
      "Adjunte el informe de actividades 2025 y precise su trabajo en frontera.",
    );
    await a11y.check("the secretariat's review page after the request", staff);
    await context.close();

    await page.goto(`/es/applicant/applications/${applicationId}`);
    const box = page.getByRole("region", { name: t.ApplicantStatus.requestTitle });
    await expect(box.getByText("Adjunte el informe de actividades 2025 y precise su trabajo en frontera.")).toBeVisible();
    await expect(page.getByText(t.ApplicantStatus.explain.info_requested)).toBeVisible();

    // Only the named sections open: governance stays read-only.
    await page.goto(`/es/applicant/applications/${applicationId}/governance`);
    await expect(page.getByText(t.ApplicantNav.readOnly)).toBeVisible();
    await expect(page.getByRole("button", { name: t.ApplicantForm.save })).toHaveCount(0);

    await page.goto(`/es/applicant/applications/${applicationId}`);
    await box.getByRole("link", { name: t.ApplicantSection.work }).click();
    await page.getByLabel(t.ApplicantForm.description, { exact: true }).fill("Asesoría legal en la frontera norte desde 2012.");
    await page.getByRole("button", { name: t.ApplicantForm.save }).click();
    await expect(page).toHaveURL(`/es/applicant/applications/${applicationId}`);

    await page.goto(`/es/applicant/applications/${applicationId}/documents`);
    const region = await uploadDocument(page, "es", "activity_report", pdfFile("informe-2025.pdf"));
    await expect(region.getByRole("link", { name: "informe-2025.pdf" })).toBeVisible();

    await page.goto(`/es/applicant/applications/${applicationId}`);
    const since = Date.now();
    await box.getByLabel(t.ApplicantStatus.answer).fill("Adjuntamos el informe 2025; la sección de trabajo precisa nuestra labor en frontera.");
    await box.getByRole("button", { name: t.ApplicantStatus.sendAnswer }).click();
    await expect(page).toHaveURL(`/es/applicant/applications/${applicationId}?answered=1`);
    await expect(page.getByRole("status").filter({ hasText: t.ApplicantStatus.answerSent })).toBeVisible();
    await expect(page.getByText(t.ApplicantStatus.explain.in_review)).toBeVisible();
    const timeline = page.getByRole("region", { name: t.ApplicantStatus.timelineTitle });
    await expect(timeline.getByText("Adjuntamos el informe 2025; la sección de trabajo precisa nuestra labor en frontera.")).toBeVisible();
    await expectStatus(page, "es", applicationId, "in_review");

    // The assigned reviewer (the one who started the review) is told, in their language (en).
    // Other tests' submissions mail this reviewer too (it keeps staff notices on).
    const notice = await latestMailTo(INFO_REQUEST.reviewer, {
      since,
      matching: (mail) => mail.text.includes(applicationId) && mail.subject.includes("answered"),
    });
    expect(notice.subject).toBe(fmt(messages("en").StaffEmail.answered.subject, { organization: INFO_REQUEST.organization.legalName }));
    expect(notice.text).toContain(`/en/secretariat/applications/${applicationId}`);
    expect(notice.text).toContain("Adjuntamos el informe 2025");
  });

  test("after the decision the applicant sees the outcome and its reason, and starts a renewal from the saved profile", async ({ page, browser, a11y }) => {
    test.setTimeout(180_000);
    const t = messages("en");
    // In review by the fixtures: a reviewer recommends it, then an admin decides, each in their own session.
    await signIn(page, DECISION.applicant, "en");
    const applicationId = await openSeededApplication(page, "en");
    await expect(page.getByText(t.ApplicantStatus.explain.in_review)).toBeVisible();

    const reviewer = await signInStaff(browser, DECISION.reviewer, "en");
    await recommendParticipant(reviewer.staff, "en", applicationId, "Complete file; strong border work.");
    await reviewer.context.close();
    const admin = await signInStaff(browser, DECISION.admin, "en");
    await decideParticipant(admin.staff, "en", applicationId, "Meets every criterion; strong work on the northern border.");
    await a11y.check("the secretariat's review page after the decision", admin.staff);
    await admin.context.close();

    await page.goto(`/en/applicant/applications/${applicationId}`);
    const decision = page.getByRole("region", { name: t.ApplicantStatus.decisionTitle });
    await expect(decision.getByText(fmt(t.ApplicantStatus.outcome, { outcome: t.Status.accredited_participant }))).toBeVisible();
    await expect(decision.getByText("Meets every criterion; strong work on the northern border.")).toBeVisible();
    await expect(page.getByRole("region", { name: t.ApplicantStatus.withdrawTitle })).toHaveCount(0);

    await page.goto("/en/applicant");
    await page.getByRole("button", { name: t.ApplicantHome.startRenewal }).click();
    await expect(page.getByText(t.ApplicantStatus.explain.draft)).toBeVisible();
    const nav = page.getByRole("navigation", { name: t.ApplicantNav.label });
    // The profile carries over; the declarations and the report on the last meeting are new.
    await expect(nav.getByRole("link", { name: `${t.ApplicantSection.work} ${t.ApplicantNav.complete}` })).toBeVisible();
    await expect(nav.getByRole("link", { name: `${t.ApplicantSection.declarations} ${t.ApplicantNav.incomplete}` })).toBeVisible();
    await nav.getByRole("link", { name: new RegExp(t.ApplicantSection.renewal) }).click();
    await page.getByLabel(t.ApplicantForm.renewalReport, { exact: true }).fill("Two delegates attended the XXII CSM and presented our border report.");
    await page.getByRole("button", { name: t.ApplicantForm.save }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.ApplicantReview.title })).toBeVisible();
    await expect(page.getByText("Two delegates attended the XXII CSM and presented our border report.")).toBeVisible();
  });

  test("an applicant withdraws, after confirming", async ({ page }) => {
    const t = messages("pt");
    await signIn(page, WITHDRAWAL.applicant, "pt");
    const applicationId = await openSeededApplication(page, "pt");
    const section = page.getByRole("region", { name: t.ApplicantStatus.withdrawTitle });
    // Withdrawing is folded away, a secondary action.
    await expect(section.getByLabel(t.ApplicantStatus.withdrawReason)).toBeHidden();
    await section.getByRole("heading", { name: t.ApplicantStatus.withdrawTitle }).click();
    await section.getByLabel(t.ApplicantStatus.withdrawReason).fill("Vamos nos candidatar no próximo ciclo.");
    await section.getByRole("button", { name: t.ApplicantStatus.withdraw }).click();
    // Without the confirmation nothing happens, and the reason is kept.
    await expect(section.getByText(t.Validation.mustAccept, { exact: true })).toBeVisible();
    await expect(section.getByLabel(t.ApplicantStatus.withdrawReason)).toHaveValue("Vamos nos candidatar no próximo ciclo.");
    await expect(page.getByText(t.ApplicantStatus.explain.draft, { exact: true })).toBeVisible();

    await section.getByLabel(t.ApplicantStatus.withdrawConfirm).check();
    await section.getByRole("button", { name: t.ApplicantStatus.withdraw }).click();
    await expect(page.getByText(t.ApplicantStatus.explain.withdrawn)).toBeVisible();
    await expect(page.getByRole("region", { name: t.ApplicantStatus.timelineTitle }).getByText("Vamos nos candidatar no próximo ciclo.")).toBeVisible();
    await expect(page.getByRole("region", { name: t.ApplicantStatus.withdrawTitle })).toHaveCount(0);
    await expectStatus(page, "pt", applicationId, "withdrawn");
  });
});

test.describe("Uploads judged by content and size", () => {
  test("an .exe renamed .pdf and an 11 MB file are refused, and the draft keeps its documents", async ({ page }) => {
    const t = messages("es").ApplicantDocuments;
    await signIn(page, UPLOADS.applicant, "es");
    const applicationId = await openSeededApplication(page, "es");
    await page.goto(`/es/applicant/applications/${applicationId}/documents`);
    const statute = await uploadDocument(page, "es", "statute", pdfFile("estatuto.pdf"));
    await expect(statute.getByRole("link", { name: "estatuto.pdf" })).toBeVisible();

    const exe = Buffer.alloc(4096);
    exe.write("MZ\u0090\u0000", "latin1");
    await uploadDocument(page, "es", "statute", { name: "estatuto-nuevo.pdf", mimeType: "application/pdf", buffer: exe });
    await expectFileRefused(statute, "es", t.rejected.bad_type);

    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    big.write("%PDF-1.4\n", "latin1");
    // The page refuses it before sending anything; the server refuses it too when it is sent anyway.
    const report = await uploadDocument(page, "es", "activity_report", { name: "informe.pdf", mimeType: "application/pdf", buffer: big });
    await expect(report.getByText(t.rejected.too_large, { exact: true })).toBeVisible();
    await expect(report.getByRole("status")).toHaveCount(0);
    const sent = await callApplicantAction(page.request, `/es/applicant/applications/${applicationId}/documents`, "uploadDocumentAction", {
      applicationId,
      kind: "activity_report",
      file: { name: "informe.pdf", mimeType: "application/pdf", buffer: big },
    });
    expect(sent.status()).toBe(200);
    expect(await sent.text()).toContain(t.rejected.too_large);

    await page.reload();
    await expect(statute.getByRole("link", { name: "estatuto.pdf" })).toBeVisible();
    await expect(statute.getByRole("link", { name: "estatuto-nuevo.pdf" })).toHaveCount(0);
    await expect(report.getByText(t.none)).toBeVisible();
  });
});

test.describe("Another organization's member", () => {
  test("cannot open, download from or act on this application: not through the pages, the actions or the document URL", async ({ page, browser, request }) => {
    test.setTimeout(120_000);
    const es = messages("es");
    await signIn(page, OUTSIDER.owner, "es");
    const applicationId = await openSeededApplication(page, "es");
    await page.goto(`/es/applicant/applications/${applicationId}/governance`);
    const fundingSources = await page.getByLabel(es.ApplicantForm.fundingSources, { exact: true }).inputValue();
    await page.goto(`/es/applicant/applications/${applicationId}/documents`);
    const statute = await uploadDocument(page, "es", "statute", pdfFile("privado.pdf"));
    const documentUrl = (await statute.getByRole("link", { name: "privado.pdf" }).getAttribute("href"))!;

    const context = await browser.newContext();
    const outsider = await context.newPage();
    await signIn(outsider, OUTSIDER.outsider, "es");
    const ownId = await openSeededApplication(outsider, "es");
    await outsider.goto("/es/applicant");
    await expect(outsider.getByRole("link", { name: new RegExp(applicationId) })).toHaveCount(0);

    for (const suffix of ["", "/work", "/documents", "/review"]) {
      const response = await outsider.goto(`/es/applicant/applications/${applicationId}${suffix}`);
      expect(response!.status(), suffix).toBe(404);
      await expect(outsider.getByRole("heading", { level: 1, name: es.NotFound.title })).toBeVisible();
    }
    const download = await outsider.request.get(documentUrl);
    expect(download.status()).toBe(404);
    expect((await download.body()).toString()).not.toContain("%PDF");
    const anonymous = await request.get(documentUrl);
    expect(anonymous.status()).toBe(404);

    // The same actions the pages use, called directly with the outsider's session.
    const notFound = es.Errors.not_found;
    // Each is posted to a page of the outsider's own draft that uses it, as the browser would.
    const attempts: { action: string; page: string; fields: Parameters<typeof callApplicantAction>[3] }[] = [
      { action: "withdrawApplicationAction", page: "", fields: { applicationId, confirm: "on" } },
      { action: "respondAction", page: "", fields: { applicationId, answer: "Intrusión" } },
      { action: "submitApplicationAction", page: "/review", fields: { applicationId } },
      {
        action: "saveSectionAction",
        page: "/governance",
        fields: { applicationId, section: "governance", fundingSources: "Intrusión", independenceDeclared: "on" },
      },
      { action: "removeDocumentAction", page: "/documents", fields: { applicationId, kind: "statute" } },
      { action: "uploadDocumentAction", page: "/documents", fields: { applicationId, kind: "motivation_letter", file: pdfFile("intruso.pdf") } },
    ];
    for (const { action, page: suffix, fields } of attempts) {
      const response = await callApplicantAction(outsider.request, `/es/applicant/applications/${ownId}${suffix}`, action, fields);
      expect(response.status(), action).toBe(200);
      expect(await response.text(), action).toContain(notFound);
    }
    // The same call on the outsider's own draft does act, so the refusals above are real.
    const own = await callApplicantAction(outsider.request, `/es/applicant/applications/${ownId}`, "withdrawApplicationAction", {
      applicationId: ownId,
      confirm: "on",
    });
    expect(own.status()).toBe(200);
    expect(await own.text()).toContain(es.ApplicantStatus.withdrawn);

    await context.close();
    await expectStatus(page, "es", applicationId, "draft");
    await page.goto(`/es/applicant/applications/${applicationId}/documents`);
    await expect(statute.getByRole("link", { name: "privado.pdf" })).toBeVisible();
    await expect(
      page.getByRole("region", { name: new RegExp(`^${es.ApplicantDocuments.kind.motivation_letter}`) }).getByText(es.ApplicantDocuments.none),
    ).toBeVisible();
    await page.goto(`/es/applicant/applications/${applicationId}/governance`);
    await expect(page.getByLabel(es.ApplicantForm.fundingSources, { exact: true })).toHaveValue(fundingSources);
  });
});
