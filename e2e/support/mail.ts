/** Reading the messages the SMTP capture (global setup) wrote to MAIL_DIR. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { APP_URL, MAIL_DIR, PROXY_URL, SECOND_APP_URL } from "./env";
import type { CapturedMail } from "./smtp-capture";

export type { CapturedMail };

/** Every message the capture holds, in no particular order. */
export function readAllMail(): CapturedMail[] {
  if (!existsSync(MAIL_DIR)) return [];
  return readdirSync(MAIL_DIR)
    .filter((name) => name.endsWith(".json") && !name.startsWith("."))
    .map((name) => JSON.parse(readFileSync(path.join(MAIL_DIR, name), "utf8")) as CapturedMail);
}

/** Every captured message to `email` received at or after `since` (ms), oldest first. */
export function mailsTo(email: string, since = 0): CapturedMail[] {
  const address = email.toLowerCase();
  return readAllMail()
    .filter((mail) => mail.to.includes(address) && mail.receivedAt >= since)
    .sort((a, b) => a.receivedAt - b.receivedAt);
}

/**
 * The newest message to `email` received at or after `since`, waiting for it up to
 * `timeoutMs`. Pass `since` (a timestamp taken before the action that sends the mail) so
 * an older message to the same address cannot be mistaken for the new one, and `matching` for
 * staff addresses: other tests' submissions and recommendations mail the secretariat at any time.
 */
export async function latestMailTo(
  email: string,
  { since = 0, timeoutMs = 10_000, matching = () => true }: { since?: number; timeoutMs?: number; matching?: (mail: CapturedMail) => boolean } = {},
): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailsTo(email, since).filter(matching).at(-1);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`No e-mail to ${email} reached the SMTP capture (${MAIL_DIR}) within ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** Links to the server under test (or the two-instance suite's second server or its nginx). */
const MAGIC_LINK = new RegExp(`(?:${escape(APP_URL)}|${escape(SECOND_APP_URL)}|${escape(PROXY_URL)})/(?:es|pt|en)/sign-in/confirm\\?token=[^\\s<>"]+`);

/** A sign-in message: it carries a sign-in link. */
export const isSignInMail = (mail: CapturedMail) => MAGIC_LINK.test(mail.text);

/** The sign-in link (http://localhost:3210/es/sign-in/confirm?token=…) in a message's text. */
export function magicLinkFrom(text: string): string {
  const match = MAGIC_LINK.exec(text);
  if (!match) throw new Error(`No sign-in link to ${APP_URL}/…/sign-in/confirm in this message:\n${text}`);
  return match[0];
}

/** The 8-digit one-time code in a sign-in message's text. */
export function signInCodeFrom(text: string): string {
  const match = /\b(\d{8})\b/.exec(text);
  if (!match) throw new Error(`No sign-in code in this message:\n${text}`);
  return match[1]!;
}
