import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { emailOutbox } from "../schema";

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string };

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
