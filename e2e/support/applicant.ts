/** Page steps of the applicant's journey, and the test-only helpers that run inside the server. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { type Locale, messages } from "./catalog";
import { APP_URL, SUPPORT_URL } from "./env";

/** Fills a catalog template's {placeholders} the way next-intl does for simple arguments. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}

export function uniqueRegistryNumber(): string {
  return `E2E-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A small valid PDF, as a scanner or word processor would produce it (header to %%EOF). */
export function pdfFile(name: string) {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${name}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body) };
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

export async function uploadDocument(page: Page, locale: Locale, kind: keyof ReturnType<typeof messages>["ApplicantDocuments"]["kind"], file: { name: string; mimeType: string; buffer: Buffer }) {
  const d = messages(locale).ApplicantDocuments;
  const label = d.kind[kind];
  const region = page.getByRole("region", { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
  const input = region.getByLabel(fmt(d.choose, { document: label })).or(region.getByLabel(fmt(d.replace, { document: label })));
  await input.setInputFiles(file);
  await region.getByRole("button", { name: fmt(d.upload, { document: label }) }).click();
  return region;
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

// --- helpers that run inside the server (e2e/support/in-server.ts) ---

async function support(request: APIRequestContext, route: string, body: unknown): Promise<unknown> {
  const response = await request.post(`${SUPPORT_URL}${route}`, {
    headers: { "x-e2e-token": process.env.E2E_SUPPORT_TOKEN ?? "" },
    data: body,
  });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** What the secretariat's "request information" does, until its own page exists. */
export async function requestInformation(request: APIRequestContext, applicationId: string, message: string, sections: string[], reviewerEmail: string) {
  await support(request, "/request-info", { applicationId, message, sections, reviewerEmail });
}

/** What the secretariat's decision does: accredits the application's organization as participant. */
export async function decideParticipant(request: APIRequestContext, applicationId: string, reason: string, adminEmail: string) {
  await support(request, "/decide-participant", { applicationId, reason, adminEmail });
}

export async function applicationStatus(request: APIRequestContext, applicationId: string): Promise<string | null> {
  return ((await support(request, "/application-status", { applicationId })) as { status: string | null }).status;
}

// --- calling a server action directly, as a script would ---

/** The id Next gave an exported server action, from the build's manifest. */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName && entry.filename?.includes("(applicant)"));
  if (!found) throw new Error(`No server action ${exportedName} in the build's manifest`);
  return found[0];
}

/**
 * POSTs to a `useActionState` action the way React's client does: the arguments
 * (previous state, FormData) encoded as a multipart reply, with the Next-Action header.
 */
export async function callServerAction(request: APIRequestContext, pagePath: string, exportedName: string, fields: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>) {
  // A FormData keeps the order (an object would put "0" first): the FormData the root points
  // to must have arrived before the root, as React's client sends it.
  const multipart = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") multipart.append(`_1_${name}`, value);
    else multipart.append(`_1_${name}`, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
  }
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return request.post(`${APP_URL}${pagePath}`, {
    headers: { "Next-Action": serverActionId(exportedName), Origin: APP_URL, Accept: "text/x-component" },
    multipart,
    maxRedirects: 0,
  });
}
