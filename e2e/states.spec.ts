import type { Browser, Page } from "@playwright/test";
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import { decideParticipant, fmt, recommendParticipant } from "./support/applicant";
import { type Locale, messages } from "./support/catalog";
import { statesFixture } from "./support/fixtures/states";
import { latestMailTo } from "./support/mail";
import { openFromQueue, searchRegister, signInAsStaff } from "./support/secretariat";

const es = messages("es");
const pt = messages("pt");
const en = messages("en");

/** A focal point signs in and lands on the consultations of their state, in their language. */
async function signInAsFocalPoint(page: Page, email: string, locale: Locale) {
  await signIn(page, email, locale, { landsOn: `/${locale}/states` });
  await expect(page.getByRole("heading", { level: 1, name: messages(locale).States.title })).toBeVisible();
}

async function newPage(browser: Browser, locale: Locale) {
  const context = await browser.newContext({ locale: { es: "es-ES", pt: "pt-BR", en: "en-GB" }[locale] });
  return context.newPage();
}

test.describe("Member states in the loop", () => {
  test("an admin invites a focal point for Chile, naming the state; it lands on its consultations in its language, and loses access on its next request once deactivated", async ({
    page,
    browser,
    a11y,
  }) => {
    test.slow();
    const invitee = uniqueEmail("focal-cl");
    await signInAsStaff(page, statesFixture.admins.staff.email, "es");
    await page.goto("/es/secretariat/staff");
    await page.getByLabel(es.Staff.email, { exact: true }).fill(invitee);
    await page.getByLabel(es.Staff.role, { exact: true }).selectOption("state");
    await page.getByLabel(es.Staff.language, { exact: true }).selectOption("es");
    await page.getByRole("button", { name: es.Staff.invite }).click();
    await expect(page.getByRole("alert").filter({ hasText: es.Staff.stateRequired })).toBeVisible();
    await a11y.check("a focal point's invitation without its state");
    // What was chosen is kept for the correction.
    await expect(page.getByLabel(es.Staff.role, { exact: true })).toHaveValue("state");
    await page.getByLabel(es.Staff.stateCountry, { exact: true }).selectOption("CL");
    const since = Date.now();
    await page.getByRole("button", { name: es.Staff.invite }).click();
    await expect(page.getByRole("status").filter({ hasText: invitee })).toBeVisible();
    const invitation = await latestMailTo(invitee, { since });
    expect(invitation.subject).toBe(fmt(es.SecretariatEmail.stateInvitation.subject, { country: es.Country.CL }));
    const row = page.getByTestId("staff-row").filter({ hasText: invitee });
    await expect(row.getByRole("cell").first()).toHaveText(fmt(es.Staff.roleOf, { role: es.Role.state, country: es.Country.CL }));
    await expect(row.getByRole("button", { name: `${es.Staff.saveRole}: ${invitee}` })).toHaveCount(0);

    const focalPoint = await newPage(browser, "es");
    await signInAsFocalPoint(focalPoint, invitee, "es");
    await expect(focalPoint.getByText(fmt(es.States.lead, { country: es.Country.CL }))).toBeVisible();
    expect((await focalPoint.goto("/es/secretariat"))?.status()).toBe(403);

    await page.reload();
    await row.getByRole("button", { name: es.Staff.deactivateLabel.replace("{email}", invitee) }).click();
    await page.getByRole("dialog", { name: es.Staff.deactivateConfirmTitle }).getByRole("button", { name: es.Staff.deactivateConfirm }).click();
    await expect(row.getByRole("cell").nth(1)).toHaveText(es.Staff.deactivated);
    await focalPoint.goto("/es/states");
    await expect(focalPoint).toHaveURL(/\/es\/sign-in/);
  });

  test("a reviewer recommends; Argentina objects citing a criterion, Brazil does not object; the admin sees both and cannot decide early without a reason", async ({
    page,
    browser,
    a11y,
  }) => {
    test.slow();
    const { live } = statesFixture;

    // The reviewer recommends: the consultation opens and each focal point is e-mailed in their language.
    await signInAsStaff(page, statesFixture.reviewer.email, "es");
    const applicationId = await openFromQueue(page, "es", "consulta abierta", live.legalName);
    await expect(page.getByTestId("application-status")).toHaveText(es.Status.in_review);
    // The reviewer shares one document with the member states; the others stay with the secretariat.
    const shareLabel = new RegExp(`^${es.DocumentSharing.share}: `);
    await expect(page.getByRole("button", { name: shareLabel })).not.toHaveCount(0);
    await page.getByRole("button", { name: shareLabel }).first().click();
    await expect(page.getByTestId("shared-with-states")).toHaveCount(1);
    const since = Date.now();
    await recommendParticipant(page, "es", applicationId, "Cumple los seis criterios; trabajo de frontera documentado.");
    const opened = (mail: { subject: string }) => mail.subject.includes(live.legalName);
    const toArgentina = await latestMailTo(statesFixture.argentina.email, { since, matching: opened });
    expect(toArgentina.subject).toBe(fmt(es.StateEmail.opened.subject, { organization: live.legalName }));
    expect(toArgentina.text).toContain(`/es/states/applications/${applicationId}`);
    const toBrazil = await latestMailTo(statesFixture.brazil.email, { since, matching: opened });
    expect(toBrazil.subject).toBe(fmt(pt.StateEmail.opened.subject, { organization: live.legalName }));

    // Argentina, in Spanish: the organization's entry, the recommendation, an objection without a criterion refused.
    const argentina = await newPage(browser, "es");
    await signInAsFocalPoint(argentina, statesFixture.argentina.email, "es");
    await argentina.getByRole("link", { name: live.legalName }).click();
    await expect(argentina.getByRole("heading", { level: 1, name: live.legalName })).toBeVisible();
    await expect(argentina.getByTestId("recommendation")).toHaveText(es.SecretariatLabels.recommendation.participant);
    await expect(argentina.getByText("trabajo de frontera documentado")).toBeVisible();
    await expect(argentina.getByText(es.States.answersHidden)).toBeVisible();
    await expect(argentina.getByTestId("consultation-rule")).toContainText(es.Consultation.ruleAdvisory);
    const sharedDocuments = argentina.getByRole("region", { name: es.States.documentsTitle }).getByRole("link");
    await expect(sharedDocuments).toHaveCount(1);
    const documentHref = (await sharedDocuments.getAttribute("href"))!;
    expect((await argentina.request.get(documentHref)).status()).toBe(200);
    const answer = argentina.getByRole("group", { name: es.ConsultationForm.answer });
    await answer.getByLabel(es.ConsultationAnswer.objection, { exact: true }).check();
    await argentina.getByLabel(es.ConsultationForm.reasons).fill("Depende del financiamiento de un partido político.");
    await argentina.getByRole("button", { name: es.ConsultationForm.submit }).click();
    const summary = argentina.getByRole("alert").filter({ has: argentina.getByRole("heading", { name: es.UI.errorSummaryTitle }) });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(es.Validation.chooseAtLeastOne);
    await a11y.check("the focal point's answer refused");
    await expect(argentina.getByLabel(es.ConsultationForm.reasons)).toHaveValue("Depende del financiamiento de un partido político.");
    await argentina.getByRole("group", { name: es.ConsultationForm.criteria }).getByLabel(es.SecretariatLabels.criterion.independent).check();
    await argentina.getByRole("button", { name: es.ConsultationForm.submit }).click();
    await expect(argentina.getByRole("status").filter({ hasText: es.States.answerSaved })).toBeVisible();
    await argentina.getByRole("link", { name: es.States.back }).click();
    await expect(argentina.getByTestId("consultation-row").filter({ hasText: live.legalName })).toContainText(es.ConsultationAnswer.objection);
    // A focal point reaches nothing of the secretariat or of applicants.
    expect((await argentina.goto(`/es/secretariat/applications/${applicationId}`))?.status()).toBe(403);
    expect((await argentina.goto("/es/applicant"))?.status()).toBe(403);

    // Brazil, in Portuguese: Argentina's answer is not shown while the window is open.
    const brazil = await newPage(browser, "pt");
    await signInAsFocalPoint(brazil, statesFixture.brazil.email, "pt");
    await brazil.goto(`/pt/states/applications/${applicationId}`);
    await expect(brazil.getByText(pt.States.answersHidden)).toBeVisible();
    await expect(brazil.getByText("Depende del financiamiento")).toHaveCount(0);
    await brazil.getByRole("group", { name: pt.ConsultationForm.answer }).getByLabel(pt.ConsultationAnswer.no_objection, { exact: true }).check();
    await brazil.getByRole("button", { name: pt.ConsultationForm.submit }).click();
    await expect(brazil.getByRole("status").filter({ hasText: pt.States.answerSaved })).toBeVisible();

    // The admin, in English: the consultation with who answered what, and no decision before the window closes without a reason.
    const admin = await newPage(browser, "en");
    await signInAsStaff(admin, statesFixture.admins.live.email, "en");
    await admin.goto(`/en/secretariat/applications/${applicationId}`);
    const consultation = admin.getByTestId("consultation");
    await expect(consultation.getByTestId("consultation-answer")).toHaveCount(2);
    await expect(consultation.getByTestId("consultation-answer").filter({ hasText: en.Country.AR })).toContainText(en.SecretariatLabels.criterion.independent);
    await expect(consultation.getByTestId("consultation-answer").filter({ hasText: en.Country.BR })).toContainText(en.ConsultationAnswer.no_objection);
    await expect(admin.getByTestId("consultation-silent")).toContainText(en.Country.CL);
    await expect(admin.getByTestId("consultation-silent")).not.toContainText(en.Country.AR);
    await admin.getByRole("group", { name: en.Review.decision }).getByLabel(en.SecretariatLabels.recommendation.participant).check();
    await admin.getByLabel(en.Review.reason).fill("Meets every criterion.");
    await admin.getByRole("button", { name: en.Review.decide }).click();
    await admin.getByRole("dialog", { name: en.Review.confirm.title }).getByRole("button", { name: en.Review.confirm.submit }).click();
    const refused = admin.getByRole("alert").filter({ has: admin.getByRole("heading", { name: en.UI.errorSummaryTitle }) });
    await expect(refused).toContainText(en.Errors.consultation_open);
    await expect(refused.getByRole("link", { name: new RegExp(en.Consultation.earlyCloseLabel) })).toBeVisible();
    await expect(admin.getByTestId("application-status")).toHaveText(en.Status.in_consultation);
    await expect(admin.getByLabel(en.Review.reason)).toHaveValue("Meets every criterion.");
  });

  test("after the window closes every state sees all answers, and the admin decides without closing it early; the register shows the organization", async ({
    page,
    browser,
  }) => {
    test.slow();
    const { closed } = statesFixture;

    // Brazil, once the window has passed: both answers, Argentina's objection with its criterion; no form.
    await signInAsFocalPoint(page, statesFixture.brazilColleague.email, "pt");
    const closedRow = page.getByTestId("consultation-row").filter({ hasText: closed.legalName });
    await expect(closedRow).toBeVisible();
    await closedRow.getByRole("link", { name: closed.legalName }).click();
    await expect(page.getByRole("button", { name: pt.ConsultationForm.submit })).toHaveCount(0);
    const answers = page.getByTestId("consultation-answer");
    await expect(answers).toHaveCount(2);
    await expect(answers.filter({ hasText: pt.Country.AR })).toContainText(pt.SecretariatLabels.criterion.two_years_activity);
    await expect(answers.filter({ hasText: pt.Country.AR })).toContainText("Fundada hace un año.");
    await expect(page.getByTestId("own-answer")).toContainText(pt.ConsultationAnswer.no_objection);

    // Until the decision the public list of pending applications shows it.
    const pending = await newPage(browser, "es");
    await pending.goto("/es/register/pending");
    // In consultation, or awaiting the decision once the hourly run (minute 5) has closed the passed window.
    await expect(pending.getByTestId("pending-application").filter({ hasText: closed.legalName })).toContainText(
      new RegExp(`${es.PendingRegister.stage_in_consultation}|${es.PendingRegister.stage_recommended}`),
    );

    // The admin reads the closed consultation and decides: no reason for closing early is asked.
    const admin = await newPage(browser, "en");
    await signInAsStaff(admin, statesFixture.admins.closed.email, "en");
    const applicationId = await openFromQueue(admin, "en", "consulta cerrada", closed.legalName);
    await expect(admin.getByTestId("consultation")).toContainText(en.Consultation.closed.split("{date}")[0]!.trim());
    await expect(admin.getByLabel(en.Consultation.earlyCloseLabel)).toHaveCount(0);
    await decideParticipant(admin, "en", applicationId, "Meets the criteria; Argentina's objection answered by the 2024 report.");

    const listed = await searchRegister(page, "es", "red consulta cerrada fixture");
    await expect(listed).toHaveCount(1);
    await pending.reload();
    await expect(pending.getByRole("heading", { level: 1, name: es.PendingRegister.title })).toBeVisible();
    await expect(pending.getByText(closed.legalName)).toHaveCount(0);
  });

  test("the admin defers an application citing a criterion: its member is told in Portuguese, it cannot be asked twice, and the public list counts it; an organization at risk is listed unnamed", async ({
    page,
    browser,
    a11y,
  }) => {
    test.slow();
    const { deferrable, atRisk } = statesFixture;
    await signInAsStaff(page, statesFixture.admins.deferral.email, "en");
    const applicationId = await openFromQueue(page, "en", "aplazable", deferrable.legalName);
    // Argentina's question is passed on to the organization, which answers it on its application's page.
    const since = Date.now();
    const tracking = page.getByTestId("question-tracking");
    await tracking.getByRole("button", { name: fmt(en.QuestionTracking.forwardLabel, { country: en.Country.AR }) }).click();
    // The button gives way to the question's tracking.
    await expect(tracking).toContainText(en.QuestionTracking.awaiting);
    const asked = await latestMailTo(statesFixture.applicant.email, { since, matching: (mail) => mail.subject === pt.QuestionEmail.subject });
    expect(asked.text).toContain("¿Cuántas personas atendió en 2025?");
    const member = await newPage(browser, "pt");
    await signIn(member, statesFixture.applicant.email, "pt");
    await member.goto(`/pt/applicant/applications/${applicationId}`);
    const question = member.getByTestId("state-question");
    await expect(question).toContainText("¿Cuántas personas atendió en 2025?");
    await question.getByLabel(pt.StateQuestions.reply).fill("Atendemos 1.240 pessoas em 2025.");
    await question.getByRole("button", { name: pt.StateQuestions.send }).click();
    // The form gives way to the answer as sent, dated.
    await expect(question.getByText("Atendemos 1.240 pessoas em 2025.")).toBeVisible();
    await expect(question.getByLabel(pt.StateQuestions.reply)).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId("question-tracking")).toContainText("Atendemos 1.240 pessoas em 2025.");

    const deferral = page.getByRole("region", { name: en.Deferral.title });
    await deferral.getByRole("group", { name: en.Deferral.criteria }).getByLabel(en.SecretariatLabels.criterion.two_years_activity).check();
    await deferral.getByLabel(en.Deferral.reason).fill("The activity report for 2025 is missing.");
    await deferral.getByRole("button", { name: en.Deferral.submit }).click();
    await expect(page.getByRole("status").filter({ hasText: en.Review.deferred })).toBeVisible();
    await expect(page.getByTestId("application-status")).toHaveText(en.Status.deferred);
    await expect(page.getByTestId("deferrals")).toContainText("The activity report for 2025 is missing.");

    // The same criterion again is refused, saying when it was asked.
    await deferral.getByRole("group", { name: en.Deferral.criteria }).getByLabel(en.SecretariatLabels.criterion.two_years_activity).check();
    await deferral.getByLabel(en.Deferral.reason).fill("Still missing.");
    await deferral.getByRole("button", { name: en.Deferral.submit }).click();
    const refusal = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: en.UI.errorSummaryTitle }) });
    await expect(refusal).toContainText(en.SecretariatLabels.criterion.two_years_activity);
    await a11y.check("a repeated deferral refused");

    const told = await latestMailTo(statesFixture.applicant.email, { since, matching: (mail) => mail.subject === pt.DeferralEmail.subject });
    expect(told.text).toContain("The activity report for 2025 is missing.");
    expect(told.text).toContain(pt.SecretariatLabels.criterion.two_years_activity);

    await member.reload();
    await expect(member.getByText(pt.ApplicantStatus.explain.deferred, { exact: true })).toBeVisible();
    await expect(member.getByText("The activity report for 2025 is missing.")).toBeVisible();

    const visitor = await newPage(browser, "es");
    await visitor.goto("/es/register");
    await visitor.getByRole("link", { name: es.PendingRegister.registerLink }).click();
    const rows = visitor.getByTestId("pending-application");
    await expect(rows.filter({ hasText: deferrable.legalName })).toContainText(es.PendingRegister.stage_deferred);
    await expect(rows.filter({ hasText: deferrable.legalName }).getByRole("cell").last()).toHaveText("1");
    await expect(rows.filter({ hasText: es.PendingRegister.withheld }).filter({ hasText: es.Country.VE })).not.toHaveCount(0);
    await expect(visitor.getByText(atRisk.legalName)).toHaveCount(0);
    const csv = await (await visitor.request.get("/api/pending.csv")).text();
    expect(csv).toContain(deferrable.legalName);
    expect(csv).not.toContain(atRisk.legalName);
  });
});
