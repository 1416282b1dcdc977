import { z } from "zod";
import type { ActionState } from "./action-state";
import type { AccreditationCategory } from "./domain";

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is not mistaken. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_LENGTH = 12;
const CODE = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

/** A new random verification code, from `bytes` random bytes (at least CODE_LENGTH of them). */
export function codeFromBytes(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, CODE_LENGTH), (byte) => ALPHABET[byte % 32]).join("");
}

/** As printed: three groups of four. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** What a person typed, in the stored form: case, spaces and dashes ignored, O read as 0 and I or L as 1. */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return CODE.test(code) ? code : null;
}

const TOKEN_PREFIX = "CSM1";

/** The text a badge's QR code holds: the code and its signature, never a database id. */
export function badgeToken(code: string, signature: string): string {
  return `${TOKEN_PREFIX}.${code}.${signature}`;
}

export type ScannedCode = { code: string; signature: string | null };

/** A scanned badge token, or a code typed from under the QR code (no signature). */
export function readScannedCode(text: string): ScannedCode | null {
  const trimmed = text.trim();
  const token = /^CSM1\.([0-9A-Z]+)\.([A-Za-z0-9_-]+)$/.exec(trimmed);
  if (token) return CODE.test(token[1]!) ? { code: token[1]!, signature: token[2]! } : null;
  const code = normalizeCode(trimmed);
  return code ? { code, signature: null } : null;
}

const id = z.uuid({ error: "invalid" });

export const checkInSchema = z.object({
  meetingId: id,
  day: z.iso.date({ error: "CheckIn.day" }),
  code: z
    .string()
    .trim()
    .min(1, { error: "required" })
    .max(200, { error: "tooLong" })
    .refine((value) => readScannedCode(value) !== null, { error: "CheckIn.badgeCode" }),
});
export type CheckInInput = z.input<typeof checkInSchema>;

export const reissueSchema = z.object({ delegateId: id });

export const BADGE_LAYOUTS = ["sheet", "single"] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];
export const badgeLayoutSchema = z.enum(BADGE_LAYOUTS).catch("sheet");

/** Why a badge is refused at the entrance (or "arrived"/"already" when it is read). */
export const CHECK_IN_OUTCOMES = [
  "arrived",
  "already",
  "unknown",
  "forged",
  "revoked",
  "withdrawn",
  "not_confirmed",
  "other_meeting",
  "not_meeting_day",
] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

/** Whose badge was read, as the entrance page shows it (no photo, no e-mail). */
export type BadgeHolderCard = {
  outcome: CheckInOutcome;
  name: string;
  organization: string;
  country: string | null;
  category: AccreditationCategory | null;
  nationality: string | null;
};

/** The check-in form's answer: the outcome, and whose badge it was when the code is known. */
export type CheckInState = ActionState & { card?: BadgeHolderCard };
