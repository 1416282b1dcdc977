import "server-only";
import { and, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { getDb } from "../client";
import { emailOutbox } from "../schema";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** For a message carrying a secret: the text the outbox keeps once it is delivered or `sensitiveUntil` has passed. */
  redactedText?: string;
  sensitiveUntil?: Date;
};

export async function enqueueEmail(mail: OutgoingEmail): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(emailOutbox).values(mail).returning({ id: emailOutbox.id });
  return row!.id;
}

export async function markEmail(id: string, result: { sent: true } | { sent: false; error: string }): Promise<void> {
  const db = await getDb();
  await db
    .update(emailOutbox)
    .set(result.sent ? { status: "sent", sentAt: new Date(), error: null } : { status: "failed", error: result.error })
    .where(eq(emailOutbox.id, id));
}

/** Replaces a delivered message's secret text by its redacted text (a no-op for other messages). */
export async function redactEmail(id: string): Promise<void> {
  const db = await getDb();
  await db
    .update(emailOutbox)
    .set({ text: sql`${emailOutbox.redactedText}`, html: null, redactedText: null })
    .where(and(eq(emailOutbox.id, id), isNotNull(emailOutbox.redactedText)));
}

/** Housekeeping: messages whose secret has expired keep only their redacted text. Returns how many. */
export async function redactExpiredEmails(now = new Date()): Promise<number> {
  const db = await getDb();
  const redacted = await db
    .update(emailOutbox)
    .set({ text: sql`${emailOutbox.redactedText}`, html: null, redactedText: null })
    .where(and(isNotNull(emailOutbox.redactedText), lte(emailOutbox.sensitiveUntil, now)))
    .returning({ id: emailOutbox.id });
  return redacted.length;
}

export type MailboxEntry = { id: string; to: string; subject: string; text: string; status: string; createdAt: Date };

/** The demo mailbox's view of the outbox; callers decide whether the mailbox is enabled. */
export async function listOutbox(limit = 50): Promise<MailboxEntry[]> {
  const db = await getDb();
  return db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      text: emailOutbox.text,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}
