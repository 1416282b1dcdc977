/**
 * Bad values an attacker's script (or a broken client) sends, by the kind of field they are
 * sent to. Every one must be refused with a message in the user's language, without a server
 * error and without changing anything. Free text accepts HTML, SQL metacharacters and any
 * script (it is text, stored as given and shown escaped), so there only what is not text is bad:
 * nothing, only blanks or invisible characters, too much, control characters.
 */
import { AUTHZ_DOMAIN } from "./fixtures/authorization";

const HUGE = "x".repeat(100_000);
const FORGED_UUID = "00000000-0000-4000-8000-000000000000";

/** Whatever is not a value at all. */
const NOTHING = { empty: "", whitespace: " \t\n  ", invisible: "\u200B\u200D\u2060\uFEFF" };
/** Values that are text but never an id, a choice or an address. */
const NOT_A_TOKEN = {
  huge: HUGE,
  html: '<script>alert("x")</script>',
  sql: "' OR 1=1; DROP TABLE users; --",
  nul: "abc\u0000def",
  rtlOverride: "\u202Eadmin",
  emoji: "🧨💥",
  number: "12345",
  json: '{"$ne":null}',
};

export type FieldKind = "id" | "choice" | "email" | "text" | "optionalText" | "url" | "year" | "list" | "date" | "count";

export const BAD_VALUES: Record<FieldKind, Record<string, string>> = {
  id: { ...NOTHING, ...NOT_A_TOKEN, forged: FORGED_UUID, uuidUpperCaseForged: FORGED_UUID.toUpperCase(), uuidWithSpaces: ` ${FORGED_UUID} ` },
  choice: { ...NOTHING, ...NOT_A_TOKEN, wrongChoice: "superadmin", caseVariant: "ADMIN" },
  email: {
    ...NOTHING,
    ...NOT_A_TOKEN,
    hugeAddress: `${"a".repeat(100_000)}@${AUTHZ_DOMAIN}`,
    noAt: "nombre.organizacion.org",
    noDomain: "nombre@",
    noLocal: "@organizacion.org",
    space: "nom bre@organizacion.org",
    twoAts: "a@b@organizacion.org",
    nulInside: `ab\u0000c@${AUTHZ_DOMAIN}`,
  },
  text: { ...NOTHING, huge: HUGE, nul: "texto\u0000con nulo", controlOnly: "\u0001\u0002\u0003" },
  optionalText: { huge: HUGE, nul: "texto\u0000con nulo" },
  url: {
    huge: `https://${"a".repeat(100_000)}.org`,
    javascript: "javascript:alert(1)",
    dataUrl: "data:text/html,<script>alert(1)</script>",
    ftp: "ftp://organizacion.org",
    notAUrl: "organizacion punto org",
    html: '<a href="https://x.org">x</a>',
    nul: "https://organiza\u0000cion.org",
  },
  year: {
    ...NOTHING,
    word: "dos mil",
    tooOld: "1799",
    future: "3000",
    fraction: "2000.5",
    exponent: "2e3",
    negative: "-2000",
    huge: HUGE,
    sql: "2000; --",
    nul: "20\u000000",
  },
  date: {
    ...NOTHING,
    word: "mañana",
    impossible: "2090-02-30",
    dayFirst: "01/02/2090",
    withTime: "2090-01-01T00:00:00Z",
    shortYear: "90-01-01",
    huge: HUGE,
    sql: "2090-01-01'; --",
    nul: "2090-01\u0000-01",
  },
  /** A quota: a whole number of seats, 1 to 20. */
  count: { ...NOTHING, word: "diez", zero: "0", negative: "-1", fraction: "2.5", exponent: "1e1", tooMany: "21", huge: HUGE, sql: "3; --", nul: "1\u00000" },
  list: { empty: "", wrongChoice: "ZZ", html: "<b>UY</b>", sql: "UY' --", huge: HUGE, nul: "U\u0000Y" },
};

export const FORGED_ID = FORGED_UUID;

/** Files that are not a PDF, PNG or JPEG, whatever their name and declared type. */
export const BAD_FILES = {
  empty: { name: "vacio.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) },
  htmlAsPdf: { name: "estatuto.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") },
  executable: { name: "estatuto.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]) },
  svgAsPng: { name: "logo.png", mimeType: "image/png", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
  // Not a control character in the name: that is malformed multipart, which Next answers with 500
  // before the app runs (docs/reliability/bad-input.md); no browser sends it.
  scriptName: { name: '<img src=x onerror="alert(1)">.pdf', mimeType: "application/pdf", buffer: Buffer.from("<script>alert(1)</script>") },
};
