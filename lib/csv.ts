type Cell = string | number | boolean | Date | null | undefined;

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab / carriage
 * return) gets a leading apostrophe, so opening the file never executes anything (CWE-1236).
 */
function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 cell: quoted when it holds a separator (comma or semicolon), a quote, a line break or edge spaces. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : typeof value === "string" ? neutralize(value) : String(value);
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document in UTF-8 with a byte-order mark (so spreadsheet programs read accents right) and CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
