import "server-only";
import { enqueueEmail, type OutgoingEmail } from "@/db/queries/outbox";

export { mailFrom } from "@/lib/jobs/delivery";

/**
 * Keeps the message in the outbox and queues its delivery; a worker sends it (retrying when
 * SMTP fails). A notice that reports a change is queued with the change instead: see
 * queueNotices in db/queries/outbox.
 */
export async function sendEmail(mail: OutgoingEmail, kind = "notice"): Promise<string> {
  return enqueueEmail(mail, kind);
}

export function isMailboxEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.MAILBOX_ENABLED === "true";
}
