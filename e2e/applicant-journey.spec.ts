import { createTranslator } from "next-intl";
import { expect, signIn, test, uniqueEmail } from "./fixtures";
import {
  callApplicantAction,
  createOrganization,
  fillDeclarationsAndReview,
  fillRepresentationAndGovernance,
  fillWork,
  applicationLink,
  fmt,
  openSeededApplication,
  pdfFile,
  submitFromReview,
  uniqueRegistryNumber,
  uploadRequiredDocuments,
} from "./support/applicant";
import { LOCALES, messages } from "./support/catalog";
import { INCOMPLETE, INVITATION, REGISTERED } from "./support/fixtures/applicant";
import { latestMailTo, mailsTo } from "./support/mail";

test.describe("An organization applies from nothing to submitted, on a phone", () => {
  test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

  for (const locale of LOCALES) {
    test(`in ${locale}: sign up, profile, sections, real uploads, self-check, submit, confirmation e-mail`, async ({ page }) => {
      test.setTimeout(240_000);
      const t = messages(locale);
      const email = uniqueEmail(`journey-${locale}`);
      await signIn(page, email, locale);
      await expect(page.getByText(t.Applicant.noOrganization)).toBeVisible();

      const legalName = `Asociación Camino ${locale.toUpperCase()} ${Date.now()}`;
      const applicationId = await createOrganization(page, locale, { legalName, registryNumber: uniqueRegistryNumber(), country: "PE" });
      // Nothing is wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      // A section with a mistake is refused in place, keeping what was typed.
      await page.getByLabel(t.ApplicantForm.description, { exact: true }).fill("Texto que se conserva");
      await page.getByRole("button", { name: t.ApplicantForm.save }).click();
      // The error summary takes the focus (so the phone scrolls to it) and links every error to its field.
      const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: t.UI.errorSummaryTitle }) });
      await expect(summary).toBeFocused();
      await expect(summary).toBeInViewport();
      const populationsError = fmt(t.UI.errorSummaryItem, { field: t.ApplicantForm.populationsServed, message: t.Validation.required });
      await expect(summary.getByRole("link")).toHaveText([
        fmt(t.UI.errorSummaryItem, { field: t.ApplicantForm.themes, message: t.Validation.chooseAtLeastOne }),
        populationsError,
      ]);
      await summary.getByRole("link", { name: populationsError }).click();
      await expect(page.getByLabel(t.ApplicantForm.populationsServed, { exact: true })).toBeFocused();
      await expect(page.getByRole("group", { name: t.ApplicantForm.themes }).getByText(t.Validation.chooseAtLeastOne)).toBeVisible();
      await expect(page.getByLabel(t.ApplicantForm.description, { exact: true })).toHaveValue("Texto que se conserva");

      if (locale === "en") {
        // A lost connection while saving: nothing is lost on the page, and the retry saves.
        await page.context().setOffline(true);
        await page.getByRole("group", { name: t.ApplicantForm.themes }).getByLabel(t.ApplicantChoices.theme.gender, { exact: true }).check();
        await page.getByRole("button", { name: t.ApplicantForm.save }).click();
        await expect(page.getByRole("status").filter({ hasText: t.ApplicantForm.offline })).toBeVisible();
        await expect(page.getByLabel(t.ApplicantForm.description, { exact: true })).toHaveValue("Texto que se conserva");
        await expect(page.getByRole("group", { name: t.ApplicantForm.themes }).getByLabel(t.ApplicantChoices.theme.gender, { exact: true })).toBeChecked();
        await page.context().setOffline(false);
      }

      await fillWork(page, locale);
      await fillRepresentationAndGovernance(page, locale);

      if (locale === "es") {
        // The draft survives signing out: another sign-in finds every saved answer.
        await page.getByRole("banner").getByRole("button", { name: t.Nav.signOut }).click();
        await expect(page.getByRole("banner").getByRole("link", { name: t.Nav.signIn })).toBeVisible();
        await signIn(page, email, locale);
        await applicationLink(page, locale).click();
        const nav = page.getByRole("navigation", { name: t.ApplicantNav.label });
        // On a phone the steps fold into one line until asked for.
        await expect(nav.getByRole("link")).toHaveCount(0);
        await nav.getByText(t.UI.stepsShow).click();
        for (const section of ["organization", "work", "representation", "governance"] as const) {
          await expect(nav.getByRole("link", { name: `${t.ApplicantSection[section]} ${t.ApplicantNav.complete}` })).toBeVisible();
        }
        await expect(nav.getByRole("link", { name: `${t.ApplicantSection.documents} ${t.ApplicantNav.incomplete}` })).toBeVisible();
        await nav.getByRole("link", { name: new RegExp(t.ApplicantSection.work) }).click();
        await expect(page.getByLabel(t.ApplicantForm.description, { exact: true })).toHaveValue("Asesoría legal a personas refugiadas desde 2012.");
        const step = nav.getByText(`${fmt(t.UI.stepProgress, { current: 2, total: 6 })}: ${t.ApplicantSection.work}`);
        await expect(step).toBeVisible();
        await step.click();
        await expect(nav.getByRole("link", { name: new RegExp(t.ApplicantSection.work) })).toHaveAttribute("aria-current", "step");
        await nav.getByRole("link", { name: new RegExp(t.ApplicantSection.documents) }).click();
      }

      await uploadRequiredDocuments(page, locale);
      // The uploaded file comes back as the same bytes, as an attachment, only with a session.
      const href = await page.getByRole("link", { name: "statute.pdf" }).getAttribute("href");
      const download = await page.request.get(href!);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toBe("application/pdf");
      expect(download.headers()["content-disposition"]).toBe(`attachment; filename="statute.pdf"; filename*=UTF-8''statute.pdf`);
      expect(download.headers()["x-content-type-options"]).toBe("nosniff");
      expect(download.headers()["cache-control"]).toBe("private, no-store");
      expect((await download.body()).equals(pdfFile("statute.pdf").buffer)).toBe(true);
      const inline = await page.request.get(`${href}?disposition=inline`);
      expect(inline.headers()["content-disposition"]).toMatch(/^inline; /);

      await fillDeclarationsAndReview(page, locale);
      const checklist = page.getByRole("region", { name: t.ApplicantReview.eligibilityTitle });
      await expect(checklist.getByText(t.ApplicantReview.met, { exact: true })).toHaveCount(6);
      await expect(page.getByRole("heading", { name: t.ApplicantReview.missingTitle })).toHaveCount(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      const since = Date.now();
      await submitFromReview(page, locale, applicationId);
      await expect(page.getByText(t.ApplicantStatus.explain.submitted)).toBeVisible();
      const timeline = page.getByRole("region", { name: t.ApplicantStatus.timelineTitle });
      await expect(timeline.getByText(fmt(t.ApplicantStatus.movedTo, { status: t.Status.submitted }))).toBeVisible();

      const mail = await latestMailTo(email, { since });
      expect(mail.subject).toBe(fmt(t.ApplicantEmail.submitted.subject, { organization: legalName }));
      expect(mail.text).toContain(`/${locale}/applicant/applications/${applicationId}`);

      // A replay of the submission (the same action, posted again) changes nothing.
      const replay = await callApplicantAction(page.request, `/${locale}/applicant/applications/${applicationId}/review`, "submitApplicationAction", {
        applicationId,
      });
      expect(await replay.text()).toContain(t.Errors.conflict);
      await page.reload();
      await expect(timeline.getByText(fmt(t.ApplicantStatus.movedTo, { status: t.Status.submitted }))).toHaveCount(1);
      expect(mailsTo(email, since).filter((m) => m.subject === mail.subject)).toHaveLength(1);
      await page.goto(`/${locale}/applicant/applications/${applicationId}/review`);
      await expect(page.getByText(t.ApplicantReview.alreadySubmitted)).toBeVisible();
      await expect(page.getByRole("button", { name: t.ApplicantReview.submit })).toHaveCount(0);
    });
  }
});

test.describe("What the applicant can and cannot do with a draft", () => {
  test("an incomplete draft cannot be submitted, and the self-check links to what is missing", async ({ page }) => {
    const t = messages("en");
    // Seeded half filled: the organization and its work, nothing further and no documents.
    await signIn(page, INCOMPLETE.applicant, "en");
    const applicationId = await openSeededApplication(page, "en");
    await page.goto(`/en/applicant/applications/${applicationId}/review`);
    const missing = page.getByRole("region", { name: t.ApplicantReview.missingTitle });
    await expect(missing.getByRole("link", { name: fmt(t.ApplicantReview.missingSection, { section: t.ApplicantSection.governance }) })).toBeVisible();
    await expect(missing.getByRole("link", { name: fmt(t.ApplicantReview.missingSection, { section: t.ApplicantSection.work }) })).toHaveCount(0);
    await expect(missing.getByRole("link", { name: fmt(t.ApplicantReview.missingDocument, { document: t.ApplicantDocuments.kind.statute }) })).toBeVisible();
    await page.getByRole("button", { name: t.ApplicantReview.submit }).click();
    await expect(page.getByRole("status").filter({ hasText: t.ApplicantReview.notReady })).toBeVisible();
    await missing.getByRole("link", { name: fmt(t.ApplicantReview.missingSection, { section: t.ApplicantSection.governance }) }).click();
    await expect(page.getByRole("heading", { level: 1, name: t.ApplicantSection.governance })).toBeVisible();
    await page.goto(`/en/applicant/applications/${applicationId}`);
    await expect(page.getByText(t.ApplicantStatus.explain.draft)).toBeVisible();
  });

  test("a second sign-up for an organization already registered is told to ask its members for an invitation", async ({ page }) => {
    const t = messages("pt");
    // Registered in Bolivia by the fixtures, under another spelling of its name.
    const { registryNumber } = REGISTERED;
    const second = page;
    await signIn(second, uniqueEmail("second-member"), "pt");
    await second.getByRole("link", { name: t.ApplicantHome.create }).click();
    const f = t.ApplicantForm;
    await second.getByLabel(f.legalName, { exact: true }).fill("Outra escrita do mesmo nome");
    await second.getByLabel(f.type, { exact: true }).selectOption("ngo");
    await second.getByLabel(f.country, { exact: true }).selectOption("BO");
    await second.getByLabel(f.city, { exact: true }).fill("La Paz");
    await second.getByLabel(f.foundedYear, { exact: true }).fill("2015");
    await second.getByLabel(f.registryName, { exact: true }).fill("Registro");
    await second.getByLabel(f.registryNumber, { exact: true }).fill(registryNumber);
    await second.getByLabel(f.contactEmail, { exact: true }).fill("x@example.org");
    await second.getByRole("group", { name: f.countriesOfWork }).getByLabel(t.Country.BO, { exact: true }).check();
    await second.getByRole("button", { name: f.create }).click();
    await expect(second.getByRole("alert").filter({ hasText: f.duplicateOrganization })).toBeFocused();
    await expect(second.getByText(f.duplicateRegistry, { exact: true })).toBeVisible();
    await expect(second.getByLabel(f.legalName, { exact: true })).toHaveValue("Outra escrita do mesmo nome");
    await second.goto("/pt/applicant");
    await expect(second.getByText(t.Applicant.noOrganization)).toBeVisible();
  });

  test("a colleague invited by e-mail joins the organization on signing in and sees the same application", async ({ page, browser }) => {
    const t = messages("es");
    await signIn(page, INVITATION.inviter, "es");
    const { legalName } = INVITATION.organization;
    const applicationId = await openSeededApplication(page, "es");
    await page.goto("/es/applicant");
    await page.getByRole("link", { name: t.ApplicantHome.people }).click();
    const colleague = uniqueEmail("colleague");
    const since = Date.now();
    await page.getByLabel(t.ApplicantPeople.email).fill(colleague);
    await page.getByRole("button", { name: t.ApplicantPeople.invite }).click();
    await expect(page.getByRole("status").filter({ hasText: fmt(t.ApplicantPeople.invited, { email: colleague }) })).toBeVisible();
    const invitation = await latestMailTo(colleague, { since });
    // The subject is the portal's own; the organization is named in the body only, quoted.
    expect(invitation.subject).toBe(t.ApplicantEmail.invitation.subject);
    expect(invitation.text).toContain(`“${legalName}”`);
    expect(invitation.text).toContain("/es/sign-in");

    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, colleague, "es");
    const joined = createTranslator({ locale: "es", messages: t, namespace: "ApplicantHome" })("joined", { count: 1 });
    await expect(other.getByRole("status").filter({ hasText: joined })).toBeVisible();
    await expect(other.getByRole("heading", { level: 2, name: legalName })).toBeVisible();
    expect(await openSeededApplication(other, "es")).toBe(applicationId);
    await context.close();
  });
});
