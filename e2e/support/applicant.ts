/**
 * Page steps of the applicant's journey, the secretariat's steps the applicant's tests need
 * (taken by staff accounts of the fixtures, through the secretariat's pages), and direct calls
 * of the applicant's server actions.
 */
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { seedPdf } from "@/db/seed-sections";
import type { ApplicationStatus } from "@/lib/domain";
import type { SectionId } from "@/lib/application-sections";
import { signIn } from "../fixtures";
import { type Locale, messages } from "./catalog";
import { type ActionField, callServerAction, serverActionId } from "./server-actions";

/** Fills a catalog template's {placeholders} the way next-intl does for simple arguments. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}

export function uniqueRegistryNumber(): string {
  return `E2E-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A small one-page PDF a reader can open (header, objects, cross-reference table, %%EOF). */
export function pdfFile(name: string) {
  return { name, mimeType: "application/pdf", buffer: Buffer.from(seedPdf(name)) };
}

export type OrganizationInput = { legalName: string; registryNumber: string; country: "PE" | "BO" | "CL" };

export async function createOrganization(page: Page, locale: Locale, org: OrganizationInput): Promise<string> {
  const t = messages(locale);
  const f = t.ApplicantForm;
  await page.getByRole("link", { name: t.ApplicantHome.create }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.ApplicantHome.create })).toBeVisible();
  await page.getByLabel(f.legalName, { exact: true }).fill(org.legalName);
  await page.getByLabel(f.acronym, { exact: true }).fill("E2E");
  await page.getByLabel(f.type, { exact: true }).selectOption("ngo");
  await page.getByLabel(f.country, { exact: true }).selectOption(org.country);
  await page.getByLabel(f.city, { exact: true }).fill("Lima");
  await page.getByLabel(f.foundedYear, { exact: true }).fill("2012");
  await page.getByLabel(f.registryName, { exact: true }).fill("SUNARP");
  await page.getByLabel(f.registryNumber, { exact: true }).fill(org.registryNumber);
  await page.getByLabel(f.website, { exact: true }).fill("https://example.org");
  await page.getByLabel(f.contactEmail, { exact: true }).fill("contacto@example.org");
  await page.getByRole("group", { name: f.countriesOfWork }).getByLabel(t.Country.PE, { exact: true }).check();
  await page.getByRole("button", { name: f.create }).click();
  // The organization is created with its first draft; the next section opens.
  await expect(page.getByRole("heading", { level: 1, name: t.ApplicantSection.work })).toBeVisible();
  const match = /\/applications\/([0-9a-f-]{36})\/work$/.exec(page.url());
  expect(match, page.url()).not.toBeNull();
  return match![1]!;
}

export async function fillWork(page: Page, locale: Locale, description = "Asesoría legal a personas refugiadas desde 2012.") {
  const t = messages(locale);
  const f = t.ApplicantForm;
  await page.getByRole("group", { name: f.themes }).getByLabel(t.ApplicantChoices.theme.asylum, { exact: true }).check();
  await page.getByLabel(f.populationsServed, { exact: true }).fill("Personas refugiadas y solicitantes de asilo");
  await page.getByLabel(f.description, { exact: true }).fill(description);
  await page.getByRole("button", { name: f.save }).click();
}

export async function fillRepresentationAndGovernance(page: Page, locale: Locale) {
  const t = messages(locale);
  const f = t.ApplicantForm;
  await expect(page.getByRole("heading", { level: 1, name: t.ApplicantSection.representation })).toBeVisible();
  await page.getByRole("button", { name: f.save }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.ApplicantSection.governance })).toBeVisible();
  await page.getByLabel(f.fundingSources, { exact: true }).fill("Fundaciones privadas (60 %) y cuotas de socios (40 %).");
  await page.getByLabel(f.independenceDeclared, { exact: true }).check();
  await page.getByRole("button", { name: f.save }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.ApplicantSection.documents })).toBeVisible();
}

export const REQUIRED_KINDS = ["statute", "registration_proof", "activity_report", "motivation_letter"] as const;

type DocumentKindName = keyof ReturnType<typeof messages>["ApplicantDocuments"]["kind"];

export function documentRegion(page: Page, locale: Locale, kind: DocumentKindName): Locator {
  const label = messages(locale).ApplicantDocuments.kind[kind];
  return page.getByRole("region", { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
}

/**
 * Chooses `file` for a document: the page uploads it at once. Waits first for the page's script,
 * whose arrival takes away the upload button (the form's way without JavaScript). Returns the document's region.
 */
export async function uploadDocument(page: Page, locale: Locale, kind: DocumentKindName, file: { name: string; mimeType: string; buffer: Buffer }) {
  const d = messages(locale).ApplicantDocuments;
  const label = d.kind[kind];
  const region = documentRegion(page, locale, kind);
  const input = region.getByLabel(fmt(d.choose, { document: label })).or(region.getByLabel(fmt(d.replace, { document: label })));
  await expect(region.getByRole("button", { name: fmt(d.upload, { document: label }) })).toHaveCount(0);
  await input.setInputFiles(file);
  return region;
}

/** A refused upload: the reason once, as the file field's error (marked invalid, described by it), under the general notice. */
export async function expectFileRefused(region: Locator, locale: Locale, message: string) {
  const input = region.locator('input[type="file"]');
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input).toHaveAccessibleDescription(new RegExp(`${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(region.getByText(message, { exact: true })).toHaveCount(1);
  await expect(region.getByRole("status")).toHaveText(messages(locale).Errors.invalid);
}

export async function uploadRequiredDocuments(page: Page, locale: Locale) {
  const d = messages(locale).ApplicantDocuments;
  for (const kind of REQUIRED_KINDS) {
    const region = await uploadDocument(page, locale, kind, pdfFile(`${kind}.pdf`));
    await expect(region.getByRole("status")).toHaveText(fmt(d.uploaded, { file: `${kind}.pdf` }));
    await expect(region.getByRole("link", { name: `${kind}.pdf` })).toBeVisible();
  }
}

export async function fillDeclarationsAndReview(page: Page, locale: Locale) {
  const t = messages(locale);
  await page.getByRole("link", { name: t.ApplicantDocuments.next }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.ApplicantSection.declarations })).toBeVisible();
  await page.getByRole("radio", { name: t.ApplicantForm.categoryParticipant, exact: true }).check();
  await page.getByLabel(t.ApplicantForm.truthful, { exact: true }).check();
  await page.getByLabel(t.ApplicantForm.codeOfConduct, { exact: true }).check();
  await page.getByRole("button", { name: t.ApplicantForm.save }).click();
  await expect(page.getByRole("heading", { level: 1, name: t.ApplicantReview.title })).toBeVisible();
}

/** From an organization's first draft to the review page, everything filled and uploaded. */
export async function completeDraft(page: Page, locale: Locale) {
  await fillWork(page, locale);
  await fillRepresentationAndGovernance(page, locale);
  await uploadRequiredDocuments(page, locale);
  await fillDeclarationsAndReview(page, locale);
}

export async function submitFromReview(page: Page, locale: Locale, applicationId: string) {
  const t = messages(locale);
  await page.getByRole("button", { name: t.ApplicantReview.submit }).click();
  await expect(page).toHaveURL(`/${locale}/applicant/applications/${applicationId}?submitted=1`);
  await expect(page.getByText(t.ApplicantStatus.submittedNotice)).toBeVisible();
}

/**
 * The link to an organization's (new) application on the applicant's home, whichever meeting it names:
 * a draft names the window open now, which other tests running at the same time may close or open.
 */
export function applicationLink(page: Page | Locator, locale: Locale) {
  const home = messages(locale).ApplicantHome;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const [before, after] = home.applicationFor.split("{meeting}") as [string, string];
  return page.getByRole("link", { name: new RegExp(`^(${escape(before)}.+${escape(after)}|${escape(home.applicationNoWindow)})$`) });
}

/** Opens the one application of a seeded organization from the applicant's home; returns its id. */
export async function openSeededApplication(page: Page, locale: Locale): Promise<string> {
  const t = messages(locale);
  await page.goto(`/${locale}/applicant`);
  await applicationLink(page, locale).click();
  await expect(page.getByRole("heading", { level: 1, name: t.ApplicantStatus.title })).toBeVisible();
  const match = /\/applications\/([0-9a-f-]{36})$/.exec(page.url());
  expect(match, page.url()).not.toBeNull();
  return match![1]!;
}

/** The application's status as its applicant reads it on the status page. */
export async function expectStatus(page: Page, locale: Locale, applicationId: string, status: ApplicationStatus) {
  const t = messages(locale).ApplicantStatus;
  await page.goto(`/${locale}/applicant/applications/${applicationId}`);
  await expect(page.getByText(t.explain[status], { exact: true })).toBeVisible();
}

// --- calling the applicant's server actions directly, as a script would ---

/** Posts one of the applicant area's actions (app/[locale]/(applicant)/applicant/actions.ts) to `pagePath`. */
export function callApplicantAction(request: APIRequestContext, pagePath: string, exportedName: string, fields: Record<string, ActionField | ActionField[]>) {
  return callServerAction(request, pagePath, serverActionId(exportedName, "(applicant)/applicant/actions"), fields);
}

// --- the secretariat's side, through its own pages ---

/**
 * A staff account of the fixtures signed in in a browser context of its own (the applicant's
 * session stays in the test's page). The staff pages are the secretariat suites' to check with
 * axe; the caller checks the one its steps end on.
 */
export async function signInStaff(browser: Browser, email: string, locale: Locale): Promise<{ context: BrowserContext; staff: Page }> {
  const context = await browser.newContext();
  const staff = await context.newPage();
  await signIn(staff, email, locale, { landsOn: `/${locale}/secretariat` });
  return { context, staff };
}

async function openReview(staff: Page, locale: Locale, applicationId: string) {
  await staff.goto(`/${locale}/secretariat/applications/${applicationId}`);
  await expect(staff.getByRole("heading", { level: 2, name: messages(locale).Review.actionsTitle })).toBeVisible();
}

function reviewStatus(staff: Page) {
  return staff.getByTestId("application-status");
}

/** submitted → in_review → info_requested, naming the sections the applicant must revise. */
export async function startReviewAndRequestInformation(staff: Page, locale: Locale, applicationId: string, sections: SectionId[], message: string) {
  const t = messages(locale);
  await openReview(staff, locale, applicationId);
  await staff.getByRole("button", { name: t.Review.startReview }).click();
  await expect(staff.getByRole("status").filter({ hasText: t.Review.reviewStarted })).toBeVisible();
  await expect(reviewStatus(staff)).toHaveText(t.Status.in_review);
  await staff.getByText(t.Review.requestInfoTitle, { exact: true }).first().click();
  const group = staff.getByRole("group", { name: t.Review.requestInfoSections });
  for (const section of sections) await group.getByLabel(t.SecretariatLabels.section[section], { exact: true }).check();
  await staff.getByLabel(t.Review.requestInfoMessage).fill(message);
  await staff.getByRole("button", { name: t.Review.requestInfo }).click();
  await expect(staff.getByRole("status").filter({ hasText: t.Review.infoRequested })).toBeVisible();
  await expect(reviewStatus(staff)).toHaveText(t.Status.info_requested);
}

/** in_review → recommended, for accreditation as participant. */
export async function recommendParticipant(staff: Page, locale: Locale, applicationId: string, rationale: string) {
  const t = messages(locale);
  await openReview(staff, locale, applicationId);
  await staff.getByText(t.Review.recommendTitle, { exact: true }).first().click();
  await staff.getByRole("group", { name: t.Review.recommendation }).getByLabel(t.SecretariatLabels.recommendation.participant).check();
  await staff.getByLabel(t.Review.rationale).fill(rationale);
  await staff.getByRole("button", { name: t.Review.recommend }).click();
  await expect(staff.getByRole("status").filter({ hasText: t.Review.recommended })).toBeVisible();
  await expect(reviewStatus(staff)).toHaveText(t.Status.in_consultation);
}

/**
 * in consultation or recommended → accredited_participant: the admin's decision, with the reason the applicant reads;
 * while the member states' window is open, with the reason for closing it early.
 */
export async function decideParticipant(staff: Page, locale: Locale, applicationId: string, reason: string) {
  const t = messages(locale);
  await openReview(staff, locale, applicationId);
  await staff.getByRole("group", { name: t.Review.decision }).getByLabel(t.SecretariatLabels.recommendation.participant).check();
  await staff.getByLabel(t.Review.reason).fill(reason);
  const earlyClose = staff.locator("#decide-early-close");
  if ((await earlyClose.count()) > 0) await earlyClose.fill("La plenaria decide antes del cierre.");
  await staff.getByRole("button", { name: t.Review.decide }).click();
  await staff.getByRole("dialog", { name: t.Review.confirm.title }).getByRole("button", { name: t.Review.confirm.submit }).click();
  await expect(staff.getByRole("status").filter({ hasText: t.Review.decided })).toBeVisible();
  await expect(reviewStatus(staff)).toHaveText(t.Status.accredited_participant);
}
