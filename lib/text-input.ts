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
    .refine(hasVisibleCharacter, { error: "required" });

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
