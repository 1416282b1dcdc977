import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

/** Lifetime of a sign-in link and its code. */
export const SIGN_IN_TTL_SECONDS = 60 * 60;
/** Wrong codes accepted for one request before it is locked. */
export const MAX_CODE_ATTEMPTS = 5;
export const CODE_LENGTH = 8;

/** A keyed hash: what the database keeps instead of a token, a code or a browser's key. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", authSecret()).update(`${purpose}\0${value}`).digest("base64url");
}

export const randomToken = () => randomBytes(32).toString("base64url");

export const randomCode = () => String(randomInt(0, 10 ** CODE_LENGTH)).padStart(CODE_LENGTH, "0");

/** The code's hash is bound to its request, so one request's code never matches another's. */
export const codeHash = (challengeId: string, code: string) => keyedHash("sign-in-code", `${challengeId}:${code}`);

export const clientKeyHash = (browserKey: string) => keyedHash("sign-in-browser", browserKey);

/** The cookie that ties a typed code to the browser that asked for it: "<challenge id>.<browser key>". */
export const CODE_COOKIE = "csm-sign-in";

export function parseCodeCookie(value: string | undefined): { challengeId: string; browserKey: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  return match ? { challengeId: match[1]!, browserKey: match[2]! } : null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const LOCALE_PREFIX = /^\/(es|pt|en)(?=\/|$|\?)/;

/** The page to land on after sign-in, in the language the sign-in was asked in. */
export function inLocale(path: string, locale: string): string {
  return LOCALE_PREFIX.test(path) ? path.replace(LOCALE_PREFIX, `/${locale}`) : `/${locale}${path === "/" ? "" : path}`;
}
