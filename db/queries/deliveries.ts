import "server-only";
import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { DELIVERY_PAGE_SIZE, DELIVERY_STATUSES, type DeliveryFilters, type DeliveryStatus } from "@/lib/delivery-filters";
import { AppError } from "@/lib/errors";
import { sendDeliveryJobs } from "@/lib/server/jobs/queue";
import { getDb } from "../client";
import { emailOutbox } from "../schema";
import { recordAudit } from "./audit";

export type DeliveryRow = {
  id: string;
  to: string;
  kind: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (match) => `\\${match}`);

function where(filters: DeliveryFilters): SQL | undefined {
  return and(
    filters.status ? eq(emailOutbox.status, filters.status) : undefined,
    filters.kind ? eq(emailOutbox.kind, filters.kind) : undefined,
    filters.recipient ? ilike(emailOutbox.to, `%${escapeLike(filters.recipient)}%`) : undefined,
  );
}

/** The outbox for the delivery page: newest first, filtered, with the count of each status. */
export async function listDeliveries(actor: Actor | null, filters: DeliveryFilters) {
  assertCan(actor, "delivery:manage");
  const db = await getDb();
  const condition = where(filters);
  const [rows, [total], byStatus] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        to: emailOutbox.to,
        kind: emailOutbox.kind,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        attempts: emailOutbox.attempts,
        error: emailOutbox.error,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
      })
      .from(emailOutbox)
      .where(condition)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(DELIVERY_PAGE_SIZE)
      .offset((filters.page - 1) * DELIVERY_PAGE_SIZE),
    db.select({ total: count() }).from(emailOutbox).where(condition),
    db.select({ status: emailOutbox.status, total: count() }).from(emailOutbox).groupBy(emailOutbox.status),
  ]);
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
  for (const row of byStatus) counts[row.status] = row.total;
  const pageCount = Math.max(1, Math.ceil(total!.total / DELIVERY_PAGE_SIZE));
  return { rows: rows as DeliveryRow[], total: total!.total, counts, page: filters.page, pageCount };
}

/** Messages no worker will try again; shown on the dashboard and, without a caller, by /api/health. */
export async function countDeadDeliveries(actor: Actor | null): Promise<number> {
  assertCan(actor, "delivery:manage");
  return deadDeliveryCount();
}

/** For the health check only (no user asks; it reveals a number, not a message). */
export async function deadDeliveryCount(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ total: count() }).from(emailOutbox).where(eq(emailOutbox.status, "dead"));
  return row?.total ?? 0;
}

/** Queues dead messages again (one, or all of them), with a fresh set of attempts, in one transaction with the audit row. */
export async function retryDeadDeliveries(actor: Actor | null, only?: { id: string }): Promise<number> {
  assertCan(actor, "delivery:manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const revived = await tx
      .update(emailOutbox)
      .set({ status: "pending" })
      .where(and(eq(emailOutbox.status, "dead"), only ? eq(emailOutbox.id, only.id) : undefined))
      .returning({ id: emailOutbox.id });
    if (only && revived.length === 0) throw new AppError("conflict", "not a dead message");
    await sendDeliveryJobs(
      tx,
      revived.map((row) => row.id),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      action: "delivery.retry",
      targetType: only ? "email" : undefined,
      targetId: only?.id,
      data: { count: revived.length },
    });
    return revived.length;
  });
}
