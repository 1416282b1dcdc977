import "server-only";
import type { Transporter } from "nodemailer";
import { enqueueEmail, markEmail, type OutgoingEmail, redactEmail } from "@/db/queries/outbox";

const globalForMail = globalThis as unknown as { csmTransport?: Transporter };

async function transport(url: string): Promise<Transporter> {
  if (!globalForMail.csmTransport) {
    const { createTransport } = await import("nodemailer");
    globalForMail.csmTransport = createTransport(url);
  }
  return globalForMail.csmTransport;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? "CSM <no-reply@csm.localhost>";
}

/**
 * Every message is first kept in the outbox, so none is lost; with SMTP_URL set it is
 * then sent, and a failure is recorded and re-thrown to the caller.
 */
export async function sendEmail(mail: OutgoingEmail): Promise<void> {
  const id = await enqueueEmail(mail);
  const url = process.env.SMTP_URL;
  if (!url) return;
  try {
    const { redactedText: _redacted, sensitiveUntil: _until, ...message } = mail;
    await (await transport(url)).sendMail({ from: mailFrom(), ...message });
    await markEmail(id, { sent: true });
    await redactEmail(id);
  } catch (error) {
    await markEmail(id, { sent: false, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

export function isMailboxEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.MAILBOX_ENABLED === "true";
}
