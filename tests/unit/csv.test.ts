import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/csv";

describe("toCsv", () => {
  it("starts with a byte-order mark and ends every line with CRLF", () => {
    const csv = toCsv(["name", "country"], [["Asociación Misioneros", "PE"]]);
    expect(csv).toBe("\uFEFFname,country\r\nAsociación Misioneros,PE\r\n");
  });

  it("quotes cells with commas, quotes, line breaks, semicolons or edge spaces", () => {
    expect(toCsv(["a"], [['He said "hi", then left']])).toContain('"He said ""hi"", then left"');
    expect(toCsv(["a"], [["line\nbreak"]])).toContain('"line\nbreak"');
    expect(toCsv(["a"], [["asylum;integration"]])).toContain('"asylum;integration"');
    expect(toCsv(["a"], [[" padded "]])).toContain('" padded "');
  });

  it("neutralizes cells a spreadsheet would run as formulas", () => {
    const csv = toCsv(["a", "b", "c", "d", "e"], [['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "\tcmd"]]);
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),'\tcmd`);
  });

  it("writes empty cells for null and undefined, and numbers as they are", () => {
    expect(toCsv(["a", "b", "c"], [[null, undefined, 2024]]).split("\r\n")[1]).toBe(",,2024");
  });
});
describe("csvCell", () => {
  it("starts with a UTF-8 byte-order mark and ends rows with CRLF", () => {
    const csv = toCsv(["Nombre", "País"], [["Asociación", "Perú"]]);
    expect(csv).toBe("\uFEFFNombre,País\r\nAsociación,Perú\r\n");
  });

  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('Red "Sur", Norte')).toBe('"Red ""Sur"", Norte"');
    expect(csvCell("línea 1\nlínea 2")).toBe('"línea 1\nlínea 2"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("neutralizes cells a spreadsheet would run as formulas", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("a=b")).toBe("a=b");
  });
});
