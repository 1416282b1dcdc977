import "server-only";
import { and, asc, gt, gte, isNotNull, lte } from "drizzle-orm";
import { type ApplicationSections, completedSections } from "@/lib/application-sections";
import type { Executor, Transaction } from "../client";
import { applications, meetings } from "../schema";

export type ApplicationWindow = {
  open: { id: string; number: string; city: string | null; closesAt: Date; nominationDeadline: Date | null } | null;
  next: { number: string; opensAt: Date } | null;
};

/** The meeting taking applications now, and when the next window opens (if one is planned). */
export async function applicationWindow(executor: Executor, now = new Date()): Promise<ApplicationWindow> {
  const [open] = await executor
    .select({
      id: meetings.id,
      number: meetings.number,
      city: meetings.city,
      closesAt: meetings.applicationClosesAt,
      nominationDeadline: meetings.nominationDeadline,
    })
    .from(meetings)
    .where(and(lte(meetings.applicationOpensAt, now), gte(meetings.applicationClosesAt, now)))
    .orderBy(asc(meetings.applicationClosesAt))
    .limit(1);
  const [next] = await executor
    .select({ number: meetings.number, opensAt: meetings.applicationOpensAt })
    .from(meetings)
    .where(and(isNotNull(meetings.applicationOpensAt), gt(meetings.applicationOpensAt, now)))
    .orderBy(asc(meetings.applicationOpensAt))
    .limit(1);
  return {
    open: open ? { id: open.id, number: open.number, city: open.city, closesAt: open.closesAt!, nominationDeadline: open.nominationDeadline } : null,
    next: next ? { number: next.number, opensAt: next.opensAt! } : null,
  };
}

/** A draft for the meeting whose window is open now (none: meetingId null, tied to a meeting later). */
export async function createDraftApplication(tx: Transaction, organizationId: string, sections: ApplicationSections, isRenewal: boolean): Promise<string> {
  const window = await applicationWindow(tx);
  const [row] = await tx
    .insert(applications)
    .values({
      organizationId,
      meetingId: window.open?.id ?? null,
      isRenewal,
      sections,
      completedSections: completedSections(sections, []),
    })
    .returning({ id: applications.id });
  return row!.id;
}
