import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain";
import type { Executor } from "../client";
import { organizationMembers, users } from "../schema";
import { queueNotices } from "./outbox";

export type ComposedMail = { subject: string; text: string };

/** What a notice reports: its kind (for the delivery page) and the change it comes from (its idempotency key). */
export type NoticeEvent = { kind: string; event: string };

export { portalUrl } from "@/lib/env";

/**
 * Queues an e-mail to every active member of an organization, each in their own language,
 * inside the transaction of the change it reports: the notices commit or roll back with it.
 */
export async function notifyOrganizationMembers(
  tx: Executor,
  organizationId: string,
  { kind, event }: NoticeEvent,
  compose: (locale: Locale) => ComposedMail,
): Promise<number> {
  const members = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(and(eq(organizationMembers.organizationId, organizationId), isNull(users.deactivatedAt)));
  return queueNotices(
    tx,
    members.map((member) => ({ to: member.email, kind, key: `${kind}:${event}:${member.id}`, ...compose(member.locale ?? DEFAULT_LOCALE) })),
  );
}
