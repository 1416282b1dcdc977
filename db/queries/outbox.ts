import "server-only";
import { and, desc, isNotNull, lte, sql } from "drizzle-orm";
import { sendDeliveryJobs } from "@/lib/server/jobs/queue";
import { type Executor, getDb } from "../client";
import { emailOutbox } from "../schema";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** For a message carrying a secret: the text the outbox keeps once it is delivered or `sensitiveUntil` has passed. */
  redactedText?: string;
  sensitiveUntil?: Date;
  /** The credential whose badge (a PDF) is attached when the message is sent. */
  badgeCredentialId?: string | null;
};

/** A message and what it reports; `key` names the change, so the same notice is never queued twice. */
export type Notice = OutgoingEmail & { kind: string; key?: string };

/**
 * Keeps each notice in the outbox and queues its delivery, both through `executor`: given
 * the transaction of the change the notices report, they commit or roll back with it.
 * Returns how many were queued (a notice whose key was already queued is skipped).
 */
export async function queueNotices(executor: Executor, notices: Notice[]): Promise<number> {
  if (notices.length === 0) return 0;
  const rows = await executor
    .insert(emailOutbox)
    .values(notices.map(({ key, ...notice }) => ({ ...notice, dedupeKey: key ?? null })))
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  await sendDeliveryJobs(
    executor,
    rows.map((row) => row.id),
  );
  return rows.length;
}

/** Queues one message on its own (no change to tie it to); returns its outbox id. */
export async function enqueueEmail(mail: OutgoingEmail, kind = "notice"): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(emailOutbox)
      .values({ ...mail, kind })
      .returning({ id: emailOutbox.id });
    await sendDeliveryJobs(tx, [row!.id]);
    return row!.id;
  });
}

/** Housekeeping: messages whose secret has expired keep only their redacted text. Returns how many. */
export async function redactExpiredEmails(now = new Date(), executor?: Executor): Promise<number> {
  const db = executor ?? (await getDb());
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
