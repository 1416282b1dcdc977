/**
 * Uploads an attacker would try (OWASP ASVS V12): HTML behind a .pdf name, a text file with a PDF
 * header, an empty file, no file at all, two files for one document, a name with folders and
 * control characters. Each is refused with one message at the file field, or stored harmlessly,
 * and the bytes come back only as a document that cannot run.
 */
import { expect, signIn, test } from "./fixtures";
import { callApplicantAction, expectFileRefused, fmt, openSeededApplication, pdfFile, uploadDocument } from "./support/applicant";
import { messages } from "./support/catalog";
import { HOSTILE_UPLOADS } from "./support/fixtures/reliability";

test("hostile uploads are refused cleanly, and a stored document is served so it cannot run", async ({ page, a11y }) => {
  // Eight requests with files, three reloads and their accessibility checks: more than most tests.
  test.setTimeout(150_000);
  const t = messages("es");
  const d = t.ApplicantDocuments;
  await signIn(page, HOSTILE_UPLOADS.applicant, "es");
  const applicationId = await openSeededApplication(page, "es");
  const documentsPage = `/es/applicant/applications/${applicationId}/documents`;
  await page.goto(documentsPage);

  // A page with a script, named and sent as a PDF.
  const html = Buffer.from("<!doctype html><script>alert(document.cookie)</script>");
  const statute = await uploadDocument(page, "es", "statute", { name: "estatuto.pdf", mimeType: "application/pdf", buffer: html });
  await expectFileRefused(statute, "es", d.rejected.bad_type);

  // Text behind a PDF header: it starts like a PDF, and no reader could open it.
  const text = Buffer.from("%PDF-1.7\nActa de la asamblea, en texto plano.\n");
  await uploadDocument(page, "es", "statute", { name: "acta.pdf", mimeType: "application/pdf", buffer: text });
  await expectFileRefused(statute, "es", d.rejected.bad_pdf);

  // A file with a name and no bytes.
  const letter = await uploadDocument(page, "es", "motivation_letter", { name: "carta.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) });
  await expectFileRefused(letter, "es", d.rejected.empty);
  await a11y.check("documents page refusing an empty file");

  // No file at all: the page uploads only a chosen file, a script can post none. The field asks for one.
  const uploadRoute = `/api/applications/${applicationId}/documents/motivation_letter?locale=es`;
  const origin = new URL(page.url()).origin;
  const nothing = await page.request.post(uploadRoute, { multipart: { note: "sin archivo" }, headers: { Origin: origin } });
  expect(nothing.status()).toBe(400);
  expect(await nothing.json()).toEqual({ status: "error", message: t.Errors.invalid, fieldErrors: { file: d.chooseFile } });

  // The same route posted from another site's page, with the user's cookies: refused before reading it.
  const forged = await page.request.post(uploadRoute, { multipart: { file: pdfFile("carta.pdf") }, headers: { Origin: "https://evil.example" } });
  expect(forged.status()).toBe(403);

  // Two files for one document: the form cannot send them, a script can.
  const twoFiles = await callApplicantAction(page.request, documentsPage, "uploadDocumentAction", {
    applicationId,
    kind: "statute",
    file: [pdfFile("uno.pdf"), pdfFile("dos.pdf")],
  });
  expect(twoFiles.status()).toBe(200);
  expect(await twoFiles.text()).toContain(t.UploadRules.oneFile);

  await page.reload();
  await expect(statute.getByText(d.none)).toBeVisible();
  await expect(letter.getByText(d.none)).toBeVisible();

  // Control characters in a part's header: the request is refused before any action runs.
  const controlled = await callApplicantAction(page.request, documentsPage, "uploadDocumentAction", {
    applicationId,
    kind: "registration_proof",
    file: pdfFile("constancia\u0007\u001b[31m.pdf"),
  });
  expect(await controlled.text()).not.toContain(fmt(d.uploaded, { file: "" }).slice(0, 8));

  // Folders and a right-to-left override (which shows "informe\u202Efdp.exe.pdf" as "informefdp.pdf.exe"): only the harmless rest is kept.
  const stored = await callApplicantAction(page.request, documentsPage, "uploadDocumentAction", {
    applicationId,
    kind: "activity_report",
    file: pdfFile("..\\..\\..\\etc/informe\u202Efdp.exe.pdf"),
  });
  expect(await stored.text()).toContain(fmt(d.uploaded, { file: "informefdp.exe.pdf" }));
  await page.reload();
  const proof = page.getByRole("region", { name: new RegExp(`^${d.kind.registration_proof}`) });
  await expect(proof.getByText(d.none)).toBeVisible();
  const report = page.getByRole("region", { name: new RegExp(`^${d.kind.activity_report}`) });
  const link = report.getByRole("link", { name: "informefdp.exe.pdf", exact: true });
  await expect(link).toBeVisible();

  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  const headers = download.headers();
  expect(headers["content-type"]).toBe("application/pdf");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["content-disposition"]).toBe(`attachment; filename="informefdp.exe.pdf"; filename*=UTF-8''informefdp.exe.pdf`);
  expect(headers["content-security-policy"]).toMatch(/(^|; )sandbox(;|$)/);
  expect(headers["content-security-policy"]).toContain("default-src 'none'");
});
