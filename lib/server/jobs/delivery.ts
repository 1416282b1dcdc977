import type { Transporter } from "nodemailer";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { badgeAttachment } from "@/db/queries/delegate-credentials";
import { emailOutbox } from "@/db/schema";
import { env } from "@/lib/env";

const globalForMail = globalThis as unknown as { csmTransport?: { url: string; transport: Transporter } };

async function transport(url: string): Promise<Transporter> {
  if (globalForMail.csmTransport?.url !== url) {
    const { createTransport } = await import("nodemailer");
    globalForMail.csmTransport = { url, transport: createTransport(url) };
  }
  return globalForMail.csmTransport.transport;
}

export function mailFrom(): string {
  return env().MAIL_FROM;
}

export type Attempt = { retryCount: number; retryLimit: number };

/**
 * Sends one outbox message. A message already sent is not sent again (a job retried after a
 * crash, or retried by hand). A failure is recorded with the SMTP error and re-thrown, so the
 * queue tries again later; on the last attempt the message is marked dead.
 * Without SMTP_URL nothing is sent: the message waits in the outbox (the demo mailbox shows it).
 */
export async function deliverOutboxMessage(outboxId: string, attempt: Attempt): Promise<"sent" | "skipped"> {
  const db = await getDb();
  const [message] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, outboxId));
  if (!message || message.status === "sent") return "skipped";
  const url = env().SMTP_URL;
  if (!url) return "skipped";
  try {
    // Made at sending time from the live code: a badge revoked before its e-mail leaves is not sent.
    const badge = message.badgeCredentialId ? await badgeAttachment(message.badgeCredentialId) : null;
    const attachments = badge ? [{ filename: badge.fileName, content: Buffer.from(badge.bytes), contentType: "application/pdf" }] : undefined;
    await (
      await transport(url)
    ).sendMail({ from: mailFrom(), to: message.to, subject: message.subject, text: message.text, html: message.html ?? undefined, attachments });
  } catch (error) {
    const dead = attempt.retryCount >= attempt.retryLimit;
    await db
      .update(emailOutbox)
      .set({ status: dead ? "dead" : "failed", error: error instanceof Error ? error.message : String(error), attempts: message.attempts + 1 })
      .where(eq(emailOutbox.id, outboxId));
    throw error;
  }
  // A message carrying a secret (sign-in link and code) keeps only its redacted text once delivered.
  await db
    .update(emailOutbox)
    .set({
      status: "sent",
      sentAt: new Date(),
      error: null,
      attempts: message.attempts + 1,
      text: sql`coalesce(${emailOutbox.redactedText}, ${emailOutbox.text})`,
      html: sql`case when ${emailOutbox.redactedText} is null then ${emailOutbox.html} end`,
      redactedText: null,
    })
    .where(eq(emailOutbox.id, outboxId));
  return "sent";
}
