import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";

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
    const csv = toCsv(["a", "b", "c", "d", "e"], [["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tcmd"]]);
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),'\tcmd`);
  });

  it("writes empty cells for null and undefined, and numbers as they are", () => {
    expect(toCsv(["a", "b", "c"], [[null, undefined, 2024]]).split("\r\n")[1]).toBe(",,2024");
  });
});
