import "server-only";
import { desc } from "drizzle-orm";
import { sendDeliveryJobs } from "@/lib/jobs/queue";
import { type Executor, getDb } from "../client";
import { emailOutbox } from "../schema";

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string };

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
  await sendDeliveryJobs(executor, rows.map((row) => row.id));
  return rows.length;
}

/** Queues one message on its own (no change to tie it to). */
export async function enqueueEmail(mail: OutgoingEmail, kind = "notice"): Promise<void> {
  const db = await getDb();
  await db.transaction((tx) => queueNotices(tx, [{ ...mail, kind }]));
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
