import { describe, expect, it } from "vitest";
import { contentDisposition } from "@/lib/content-disposition";
import { cleanFileName } from "@/lib/file-name";
import { detectFileType } from "@/lib/file-type";

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
