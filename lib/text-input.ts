import { z } from "zod";

/** Letters, digits, punctuation or symbols: a text of only blanks, invisible or control characters says nothing. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** C0 controls other than tab and line breaks, and DEL: nobody types them, and PostgreSQL cannot store NUL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const hasVisibleCharacter = (value: string) => VISIBLE.test(value);
export const hasControlCharacter = (value: string) => CONTROL.test(value);

/** Form fields (and uploaded files' names) holding a control character: refused before any schema runs. */
export function fieldsWithControlCharacters(formData: FormData): string[] {
  const fields = new Set<string>();
  for (const [key, value] of formData) {
    if (key.startsWith("$ACTION")) continue;
    if (hasControlCharacter(typeof value === "string" ? value : value.name)) fields.add(key);
  }
  return [...fields];
}

/** A required text of at most `max` characters; blanks and invisible characters alone count as empty. */
export const requiredText = (max: number, tooLong: "tooLong" | "invalid" = "tooLong") =>
  z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(max, { error: tooLong })
    .refine(hasVisibleCharacter, { error: "required", abort: true });

/** RFC 5321: an address longer than 254 characters cannot be delivered. */
const MAX_EMAIL_LENGTH = 254;

export const emailAddress = () =>
  z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(MAX_EMAIL_LENGTH, { error: "email" })
    .pipe(z.email({ error: "email" }));

/**
 * Characters that make a name look like something else: line breaks (a name is one line),
 * bidirectional overrides and isolates (reorder what is shown), zero-width characters (hide).
 */
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;

export const hasLineBreak = (value: string) => LINE_BREAK.test(value);
export const hasSpoofingCharacter = (value: string) => BIDI_CONTROL.test(value) || ZERO_WIDTH.test(value);

/** A required name or other one-line text of at most `max` characters, shown as typed in the register and e-mails. */
export const singleLineText = (max: number, tooLong: "tooLong" | "invalid" = "tooLong") =>
  requiredText(max, tooLong)
    .refine((value) => !hasLineBreak(value), { error: "singleLine" })
    .refine((value) => !hasSpoofingCharacter(value), { error: "hiddenCharacters" });

/** An optional one-line text: empty is null. */
export const optionalSingleLineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .refine((value) => !hasLineBreak(value), { error: "singleLine" })
    .refine((value) => !hasSpoofingCharacter(value), { error: "hiddenCharacters" })
    .nullish()
    .transform((value) => value || null);

/**
 * A list of choices: each value once (repeats are dropped), at most as many as there are
 * choices, so a list can never grow past what the form offers.
 */
export const choiceList = <const T extends readonly [string, ...string[]]>(choices: T, min = 0) =>
  z
    .array(z.enum(choices, { error: "required" }), { error: "required" })
    .transform((values) => [...new Set(values)])
    .pipe(z.array(z.enum(choices)).min(min, { error: "chooseAtLeastOne" }).max(choices.length, { error: "tooMany" }));

/**
 * A name typed by a user, for a message: one line, no invisible or direction-changing
 * characters, at most `max` characters, in quotation marks (names saved before these rules too).
 */
export function quotedName(name: string, max = 200): string {
  const flat = name
    .replace(/[\r\n\u2028\u2029\u0085\t\u0000-\u001F\u007F]+/g, " ")
    .replace(new RegExp(`${BIDI_CONTROL.source}|${ZERO_WIDTH.source}`, "gu"), "")
    .replace(/\s+/g, " ")
    .trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return `“${short.replaceAll("“", '"').replaceAll("”", '"')}”`;
}
