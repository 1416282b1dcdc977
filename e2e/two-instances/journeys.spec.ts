/**
 * Two `next start` instances on one PostgreSQL database (playwright.two-instances.config.ts).
 * One browser session, two origins: every step goes to the other instance than the step before,
 * so any state kept in one instance's memory (sessions, rate limits, caches) would show.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, requestSignInLink, signIn, test, uniqueEmail } from "../fixtures";
import {
  createOrganization,
  expectStatus,
  fillDeclarationsAndReview,
  fillRepresentationAndGovernance,
  fillWork,
  startReviewAndRequestInformation,
  submitFromReview,
  uniqueRegistryNumber,
  uploadRequiredDocuments,
} from "../support/applicant";
import { messages } from "../support/catalog";
import { APP_URL, SECOND_APP_URL, SIGN_IN_LIMIT_PER_EMAIL } from "../support/env";
import { TWO_INSTANCES } from "../support/fixtures/reliability";
import { mailsTo } from "../support/mail";

const t = messages("es");

/** The same browser session (cookies copied over) on the second instance. */
async function onSecondInstance(browser: Browser, page: Page): Promise<{ context: BrowserContext; other: Page }> {
  const context = await browser.newContext({ baseURL: SECOND_APP_URL, storageState: await page.context().storageState() });
  return { context, other: await context.newPage() };
}

test("an applicant signs up, fills in, uploads and submits; a reviewer asks for information: every step on the other instance", async ({
  page,
  browser,
}) => {
  // A whole application's journey and the secretariat's first steps, in one test.
  test.setTimeout(240_000);
  const email = uniqueEmail("two-instances");
  await signIn(page, email, "es");
  const { context, other } = await onSecondInstance(browser, page);

  await other.goto("/es/applicant");
  const applicationId = await createOrganization(other, "es", {
    legalName: `Red Dos Instancias ${Date.now()}`,
    registryNumber: uniqueRegistryNumber(),
    country: "PE",
  });

  await page.goto(`/es/applicant/applications/${applicationId}/work`);
  await fillWork(page, "es");
  await fillRepresentationAndGovernance(page, "es");

  await other.goto(`/es/applicant/applications/${applicationId}/documents`);
  await uploadRequiredDocuments(other, "es");

  await page.goto(`/es/applicant/applications/${applicationId}/documents`);
  await expect(page.getByRole("link", { name: "statute.pdf" })).toBeVisible();
  await fillDeclarationsAndReview(page, "es");

  await other.goto(`/es/applicant/applications/${applicationId}/review`);
  await submitFromReview(other, "es", applicationId);
  await expectStatus(page, "es", applicationId, "submitted");

  // The secretariat: signed in on the second instance, acting on the first.
  const staffContext = await browser.newContext({ baseURL: SECOND_APP_URL });
  const staffOnSecond = await staffContext.newPage();
  await signIn(staffOnSecond, TWO_INSTANCES.reviewer.email, "es", { landsOn: "/es/secretariat" });
  const staffContextOnFirst = await browser.newContext({ baseURL: APP_URL, storageState: await staffContext.storageState() });
  const staffOnFirst = await staffContextOnFirst.newPage();
  await startReviewAndRequestInformation(staffOnFirst, "es", applicationId, ["work"], "Detallen la población atendida en 2025.");

  await staffOnSecond.goto(`/es/secretariat/applications/${applicationId}`);
  await expect(staffOnSecond.getByTestId("application-status")).toHaveText(t.Status.info_requested);
  await expectStatus(other, "es", applicationId, "info_requested");
  await expect(other.getByRole("region", { name: t.ApplicantStatus.requestTitle }).getByText("Detallen la población atendida en 2025.")).toBeVisible();

  await Promise.all([context.close(), staffContext.close(), staffContextOnFirst.close()]);
});

test(`the sign-in limit (${SIGN_IN_LIMIT_PER_EMAIL} links per address) counts the requests made on both instances`, async ({ page, browser }) => {
  const email = uniqueEmail("two-instances-limit");
  const context = await browser.newContext({ baseURL: SECOND_APP_URL });
  const other = await context.newPage();
  for (let attempt = 1; attempt <= SIGN_IN_LIMIT_PER_EMAIL; attempt++) {
    const target = attempt % 2 === 1 ? page : other;
    await requestSignInLink(target, email);
    await expect(target.getByRole("heading", { level: 1, name: t.SignIn.checkEmailTitle })).toBeVisible();
  }
  // Three requests went to the first instance and two to the second: each alone is under the limit.
  await requestSignInLink(other, email);
  await expect(other.getByRole("status").filter({ hasText: t.Errors.rate_limited })).toBeVisible();
  await requestSignInLink(page, email);
  await expect(page.getByRole("status").filter({ hasText: t.Errors.rate_limited })).toBeVisible();
  expect(mailsTo(email)).toHaveLength(SIGN_IN_LIMIT_PER_EMAIL);
  await context.close();
});
