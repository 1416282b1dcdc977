import "server-only";
import type { PDFFont } from "pdf-lib";
import { CSM_COUNTRIES, type CountryCode, type Locale } from "@/lib/domain";
import { translator } from "@/lib/i18n/messages";

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

const isCountryCode = (code: string): code is CountryCode => (CSM_COUNTRIES as readonly string[]).includes(code);

/** The country's name in the catalog `Country`; null means a regional organization. */
export function countryName(locale: Locale, code: string | null): string {
  const t = translator(locale, "Country");
  if (code === null) return t("regional");
  return isCountryCode(code) ? t(code) : code;
}

/** A meeting day stored as "YYYY-MM-DD", written out in the locale ("5 de diciembre de 2023"). */
export function formatDay(locale: Locale, day: string): string {
  // Noon UTC, read in UTC: the day never shifts whatever the server's time zone.
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}

/** Lines of `text` no wider than `maxWidth`; words split only where a single word is wider than a line (a long URL). */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= maxWidth;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line)) {
      const [head, tail] = splitToWidth(line, fits);
      lines.push(head);
      line = tail;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function splitToWidth(word: string, fits: (candidate: string) => boolean): [string, string] {
  const characters = [...word];
  let count = 1;
  while (count < characters.length && fits(characters.slice(0, count + 1).join(""))) count++;
  return [characters.slice(0, count).join(""), characters.slice(count).join("")];
}

/**
 * The largest size from `maxSize` down to `minSize` at which `text` wraps to at most `maxLines`;
 * at `minSize` the last line ends in an ellipsis rather than spill out of its box.
 */
export function fitText(text: string, font: PDFFont, options: { maxSize: number; minSize: number; maxWidth: number; maxLines: number }) {
  const { maxSize, minSize, maxWidth, maxLines } = options;
  for (let size = maxSize; size > minSize; size -= 0.5) {
    const lines = wrapText(text, font, size, maxWidth);
    if (lines.length <= maxLines) return { size, lines };
  }
  const lines = wrapText(text, font, minSize, maxWidth);
  if (lines.length <= maxLines) return { size: minSize, lines };
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1]!, (candidate) => font.widthOfTextAtSize(candidate, minSize) <= maxWidth);
  return { size: minSize, lines: kept };
}

function ellipsize(line: string, fits: (candidate: string) => boolean): string {
  const characters = [...line];
  while (characters.length > 0 && !fits(`${characters.join("")}…`)) characters.pop();
  return `${characters.join("").trimEnd()}…`;
}
