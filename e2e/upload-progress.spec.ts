/**
 * A CSO volunteer uploading from a phone on a slow connection: the chosen file uploads at once and
 * the page shows how much was sent; a file can be replaced or removed (after confirming), and a
 * refused or unsent file leaves what was stored. Without JavaScript the form works with its button.
 */
import { seedPdf } from "@/db/seed-sections";
import { expect, signIn, test } from "./fixtures";
import { documentRegion, expectFileRefused, fmt, openSeededApplication, pdfFile, uploadDocument } from "./support/applicant";
import { messages } from "./support/catalog";
import { SLOW_UPLOADS } from "./support/fixtures/reliability";

const t = messages("es");
const d = t.ApplicantDocuments;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("on a throttled connection the chosen file uploads at once, showing how much was sent", async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, SLOW_UPLOADS.applicant, "es");
  const applicationId = await openSeededApplication(page, "es");
  await page.goto(`/es/applicant/applications/${applicationId}/documents`);
  const label = d.kind.statute;
  const region = documentRegion(page, "es", "statute");
  // The page's script has run: it took the no-JavaScript upload button away.
  await expect(region.getByRole("button", { name: fmt(d.upload, { document: label }) })).toHaveCount(0);

  // About 50 kB/s up, as on a weak mobile connection: a 400 kB scan takes some eight seconds.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: 200 * 1024, uploadThroughput: 50 * 1024 });
  const scan = { name: "estatuto-escaneado.pdf", mimeType: "application/pdf", buffer: Buffer.from(seedPdf("estatuto escaneado", { padTo: 400 * 1024 })) };
  await region.getByLabel(fmt(d.choose, { document: label })).setInputFiles(scan);

  const progress = region.getByRole("progressbar", { name: fmt(d.progressLabel, { document: label }) });
  await expect(progress).toBeVisible();
  await expect
    .poll(
      async () => {
        const { value, max } = await progress.evaluate((bar: HTMLProgressElement) => ({ value: bar.value, max: bar.max }));
        return value > 0 && value < max;
      },
      { timeout: 30_000, intervals: [100] },
    )
    .toBe(true);
  await expect(region.getByText(new RegExp(`^${escape(d.progress).replace("\\{percent\\}", "\\d+")}$`))).toBeVisible();
  // Nothing is stored until the whole file has arrived.
  await expect(region.getByText(d.none)).toBeVisible();

  await expect(region.getByRole("status")).toHaveText(fmt(d.uploaded, { file: scan.name }), { timeout: 60_000 });
  await expect(progress).toHaveCount(0);
  await expect(region.getByRole("link", { name: scan.name })).toBeVisible();
  await expect(region.getByLabel(fmt(d.replace, { document: label }))).toBeVisible();
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
});

test("a file is replaced by choosing another, removed after confirming, and kept when an upload fails", async ({ page, a11y }) => {
  test.setTimeout(120_000);
  await signIn(page, SLOW_UPLOADS.replaceApplicant, "es");
  const applicationId = await openSeededApplication(page, "es");
  await page.goto(`/es/applicant/applications/${applicationId}/documents`);
  const label = d.kind.activity_report;

  const region = await uploadDocument(page, "es", "activity_report", pdfFile("informe-2024.pdf"));
  await expect(region.getByRole("status")).toHaveText(fmt(d.uploaded, { file: "informe-2024.pdf" }));
  await uploadDocument(page, "es", "activity_report", pdfFile("informe-2025.pdf"));
  await expect(region.getByRole("status")).toHaveText(fmt(d.uploaded, { file: "informe-2025.pdf" }));
  await expect(region.getByRole("link", { name: "informe-2025.pdf" })).toBeVisible();
  await expect(region.getByRole("link", { name: "informe-2024.pdf" })).toHaveCount(0);

  // A refused file and an unsent one: the stored report stays, the reason is the field's error.
  await uploadDocument(page, "es", "activity_report", {
    name: "informe.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("MZ\u0090\u0000 no es un PDF", "latin1"),
  });
  await expectFileRefused(region, "es", d.rejected.bad_type);
  await page.context().setOffline(true);
  await uploadDocument(page, "es", "activity_report", pdfFile("informe-final.pdf"));
  await expect(region.locator('input[type="file"]')).toHaveAccessibleDescription(new RegExp(`${escape(d.offline)}$`));
  await page.context().setOffline(false);
  await expect(region.getByRole("link", { name: "informe-2025.pdf" })).toBeVisible();
  await a11y.check("documents page after an upload failed offline");

  // Removing asks first; "no" keeps the file.
  const remove = region.getByRole("button", { name: fmt(d.remove, { document: label }) });
  const dialog = page.getByRole("dialog", { name: fmt(d.removeTitle, { document: label }) });
  await remove.click();
  await expect(dialog).toContainText(fmt(d.removeSummary, { file: "informe-2025.pdf" }));
  await dialog.getByRole("button", { name: d.removeCancel }).click();
  await expect(dialog).toBeHidden();
  await expect(region.getByRole("link", { name: "informe-2025.pdf" })).toBeVisible();
  await remove.click();
  await dialog.getByRole("button", { name: d.removeConfirm }).click();
  await expect(region.getByRole("status")).toHaveText(d.removed);
  await expect(region.getByText(d.none)).toBeVisible();
  await expect(region.getByLabel(fmt(d.choose, { document: label }))).toBeVisible();
});

test("without JavaScript the form uploads and removes with its buttons", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, SLOW_UPLOADS.noScriptApplicant, "es");
  const applicationId = await openSeededApplication(page, "es");
  const context = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    storageState: await page.context().storageState(),
    javaScriptEnabled: false,
  });
  const noScript = await context.newPage();
  await noScript.goto(`/es/applicant/applications/${applicationId}/documents`);
  const label = d.kind.statute;
  const region = documentRegion(noScript, "es", "statute");
  await region.getByLabel(fmt(d.choose, { document: label })).setInputFiles(pdfFile("estatuto.pdf"));
  await region.getByRole("button", { name: fmt(d.upload, { document: label }) }).click();
  await expect(region.getByRole("status")).toHaveText(fmt(d.uploaded, { file: "estatuto.pdf" }));
  await expect(region.getByRole("link", { name: "estatuto.pdf" })).toBeVisible();
  await region.getByRole("button", { name: fmt(d.remove, { document: label }) }).click();
  await expect(region.getByRole("status")).toHaveText(d.removed);
  await expect(region.getByText(d.none)).toBeVisible();
  await context.close();
});
