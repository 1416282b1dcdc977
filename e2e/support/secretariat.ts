/**
 * Steps the secretariat's e2e tests share, each done through the app's pages as its user would.
 * Accounts and applications come from e2e/support/fixtures/secretariat.ts (seeded before the server starts).
 */
import { expect, type Locator, type Page } from "@playwright/test";
import { signIn } from "../fixtures";
import { type Locale, messages } from "./catalog";

export const ACTIONS_FILE = "app/[locale]/(secretariat)/secretariat/applications/[id]/actions.ts";
export const STAFF_ACTIONS_FILE = "app/[locale]/(secretariat)/secretariat/staff/actions.ts";

/** Signs a staff account in; it lands on the secretariat dashboard in `locale`. */
export async function signInAsStaff(page: Page, email: string, locale: Locale): Promise<void> {
  await signIn(page, email, locale, { landsOn: `/${locale}/secretariat` });
  await expect(page.getByRole("heading", { level: 1, name: messages(locale).Secretariat.title })).toBeVisible();
}

export async function signOut(page: Page, locale: Locale): Promise<void> {
  await page
    .getByRole("banner")
    .getByRole("button", { name: messages(locale).Nav.signOut })
    .click();
  await expect(page).toHaveURL(`/${locale}`);
}

/** Opens the queue from the dashboard's menu, searches for `text` and opens the application named `legalName`; returns its id. */
export async function openFromQueue(page: Page, locale: Locale, text: string, legalName: string): Promise<string> {
  const t = messages(locale);
  await page.getByRole("navigation", { name: t.Secretariat.subnav }).getByRole("link", { name: t.Secretariat.navQueue }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.Queue.title })).toBeVisible();
  await page.getByLabel(t.Queue.search).fill(text);
  await page.getByRole("button", { name: t.UI.filtersApply }).click();
  await page.getByRole("link", { name: legalName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(legalName) })).toBeVisible();
  return applicationIdIn(page.url());
}

/** The application id in a /secretariat/applications/{id} or /applicant/applications/{id} address. */
export function applicationIdIn(url: string): string {
  const match = /\/applications\/([0-9a-f-]{36})(?:[/?#]|$)/.exec(url);
  if (!match) throw new Error(`No application id in ${url}`);
  return match[1]!;
}

/** The applicant's own application, opened from their home page (the one organization they belong to). */
export async function openOwnApplication(page: Page, locale: Locale): Promise<string> {
  await page.goto(`/${locale}/applicant`);
  const links = page.locator('a[href*="/applicant/applications/"]');
  await expect(links).toHaveCount(1);
  await links.click();
  await expect(page.getByRole("heading", { level: 1, name: messages(locale).ApplicantStatus.title })).toBeVisible();
  return applicationIdIn(page.url());
}

/** The applicant answers the Secretariat's information request on their application's page. */
export async function answerInformationRequest(page: Page, locale: Locale, applicationId: string, answer: string): Promise<void> {
  const t = messages(locale).ApplicantStatus;
  await page.goto(`/${locale}/applicant/applications/${applicationId}`);
  const request = page.getByRole("region", { name: t.requestTitle });
  await expect(request).toBeVisible();
  await request.getByLabel(t.answer).fill(answer);
  await request.getByRole("button", { name: t.sendAnswer }).click();
  await expect(page.getByRole("status").filter({ hasText: t.answerSent })).toBeVisible();
  await expect(page.getByRole("region", { name: t.requestTitle })).toHaveCount(0);
}

/** The public register's results for `text`, as a visitor's search shows them. */
export async function searchRegister(page: Page, locale: Locale, text: string): Promise<Locator> {
  await page.goto(`/${locale}/register?q=${encodeURIComponent(text)}`);
  await expect(page.getByRole("heading", { level: 1, name: messages(locale).Register.title })).toBeVisible();
  return page.locator("article[data-slug]");
}
