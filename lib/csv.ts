const BOM = "\uFEFF";

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab / carriage return)
 * gets a leading apostrophe, so opening the file never executes anything (CWE-1236).
 */
function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n;]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 CSV, UTF-8 with a byte-order mark (so spreadsheet programs read accents right), CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const line = (cells: readonly (string | number | null | undefined)[]) =>
    cells.map((cell) => quote(neutralize(cell === null || cell === undefined ? "" : String(cell)))).join(",");
  return BOM + [header, ...rows].map(line).join("\r\n") + "\r\n";
}
