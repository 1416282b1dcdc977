import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/content-disposition";
import { cleanFileName } from "@/lib/file-name";
import { seedPdf } from "@/db/seed-sections";
import { detectFileType, isReadablePdf, judgeFileContent, MAX_DOCUMENT_BYTES } from "@/lib/file-type";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("detectFileType", () => {
  it("recognizes PDF, PNG and JPEG by their first bytes", () => {
    expect(detectFileType(new TextEncoder().encode("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xdb))).toBe("image/jpeg");
  });

  it("refuses anything else, whatever it claims to be", () => {
    expect(detectFileType(bytes(0x4d, 0x5a, 0x90, 0))).toBeNull(); // a Windows executable
    expect(detectFileType(new TextEncoder().encode("<html><script>"))).toBeNull();
    expect(detectFileType(new TextEncoder().encode("%PDF"))).toBeNull(); // truncated header
    expect(detectFileType(bytes())).toBeNull();
  });
});

const text = (value: string) => new TextEncoder().encode(value);

/** A PDF whose last cross-reference section is a stream object (PDF 1.5 and later), as most tools write today. */
function xrefStreamPdf(): Uint8Array {
  let body = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
  const xref = body.length;
  body += "3 0 obj\n<< /Type /XRef /Size 4 /W [1 2 1] /Root 1 0 R /Length 0 >>\nstream\n\nendstream\nendobj\n";
  return Buffer.from(`${body}startxref\n${xref}\n%%EOF\r\n`, "latin1");
}

describe("judgeFileContent", () => {
  it("accepts a PDF a reader can open: header, then near the end startxref pointing at a cross-reference, then %%EOF", () => {
    expect(judgeFileContent(seedPdf("Estatuto de la Fundación Ñandú"))).toEqual({ type: "application/pdf" });
    expect(judgeFileContent(xrefStreamPdf())).toEqual({ type: "application/pdf" });
    // Incremental updates end with their own section; a few bytes of padding after %%EOF are common.
    const updated = Buffer.concat([Buffer.from(seedPdf("v1")), Buffer.from("\n\n\0\0")]);
    expect(isReadablePdf(updated)).toBe(true);
    const largest = seedPdf("10 MB", { padTo: MAX_DOCUMENT_BYTES });
    expect(largest.length).toBe(MAX_DOCUMENT_BYTES);
    expect(isReadablePdf(largest)).toBe(true);
  });

  it("refuses as not a readable PDF what only starts like one", () => {
    const whole = seedPdf("estatuto");
    const unreadable = {
      "a header and text": text("%PDF-1.7\nActa de la asamblea.\n"),
      "a header and %%EOF": text("%PDF-1.4\n%%EOF\n"),
      "a header alone": text("%PDF-1.4\n"),
      "cut before %%EOF": whole.slice(0, whole.length - 6),
      "cut before startxref": whole.slice(0, Buffer.from(whole).lastIndexOf("startxref")),
      "cut in half": whole.slice(0, whole.length / 2),
      "an ending copied onto text": text("%PDF-1.4\nhola\nstartxref\n9\n%%EOF\n"),
      "an offset past the ending": text("%PDF-1.4\nxref\nstartxref\n999\n%%EOF\n"),
      "an unknown version": text("%PDF-9.9\nxref\ntrailer<<>>\nstartxref\n9\n%%EOF\n"),
      "its ending more than 1024 bytes before the end": Buffer.concat([Buffer.from(whole), Buffer.alloc(2048, 0x20)]),
    };
    for (const [label, bytes] of Object.entries(unreadable)) expect(judgeFileContent(bytes), label).toEqual({ refusal: "bad_pdf" });
  });

  it("keeps judging PNG and JPEG by their first bytes, and anything else is not an accepted type", () => {
    expect(judgeFileContent(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toEqual({ type: "image/png" });
    expect(judgeFileContent(bytes(0xff, 0xd8, 0xff, 0xdb))).toEqual({ type: "image/jpeg" });
    expect(judgeFileContent(text("Acta de la asamblea.\n"))).toEqual({ refusal: "bad_type" }); // a .txt renamed .pdf
    expect(judgeFileContent(text("%PDF"))).toEqual({ refusal: "bad_type" });
    expect(judgeFileContent(bytes())).toEqual({ refusal: "bad_type" });
  });
});

describe("contentDisposition", () => {
  it("names the file for old and new clients, with the detected type's extension", () => {
    expect(contentDisposition("attachment", "Estatuto año 2024.pdf", "application/pdf")).toBe(
      `attachment; filename="Estatuto ano 2024.pdf"; filename*=UTF-8''Estatuto%20a%C3%B1o%202024.pdf`,
    );
    expect(contentDisposition("inline", "scan", "image/png")).toBe(`inline; filename="scan.png"; filename*=UTF-8''scan.png`);
  });

  it("cannot be broken out of by quotes, separators or line breaks in the name", () => {
    const header = contentDisposition("attachment", 'a";\r\nSet-Cookie: x=1;.pdf', "application/pdf");
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split(";").length).toBe(3);
    expect(contentDisposition("attachment", "文書", "application/pdf")).toBe(`attachment; filename=".pdf"; filename*=UTF-8''%E6%96%87%E6%9B%B8.pdf`);
  });
});

describe("cleanFileName", () => {
  it("keeps the name without folders, control or invisible formatting characters", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\ana\\estatuto.pdf")).toBe("estatuto.pdf");
    expect(cleanFileName("informe\u0000\u0007\u001b[31m\r\n.pdf")).toBe("informe[31m.pdf");
    // A right-to-left override would show "evil\u202Efdp.exe" as "evilexe.pdf".
    expect(cleanFileName("evil\u202Efdp.exe")).toBe("evilfdp.exe");
    expect(cleanFileName('say "hi".pdf')).toBe("say hi.pdf");
    expect(cleanFileName("Año 2024 — informe.pdf")).toBe("Año 2024 — informe.pdf");
  });

  it("falls back to a neutral name and keeps the end of a long one", () => {
    expect(cleanFileName("../")).toBe("document");
    expect(cleanFileName("\u200b\u202e")).toBe("document");
    const long = `${"a".repeat(300)}.pdf`;
    expect(cleanFileName(long)).toHaveLength(200);
    expect(cleanFileName(long).endsWith(".pdf")).toBe(true);
  });
});
