import "server-only";
import { enqueueEmail, type OutgoingEmail } from "@/db/queries/outbox";

export { isMailboxEnabled } from "@/lib/env";
export { mailFrom } from "@/lib/server/jobs/delivery";

/**
 * Keeps the message in the outbox and queues its delivery; a worker sends it (retrying when
 * SMTP fails). A notice that reports a change is queued with the change instead: see
 * queueNotices in db/queries/outbox.
 */
export async function sendEmail(mail: OutgoingEmail, kind = "notice"): Promise<string> {
  return enqueueEmail(mail, kind);
}
