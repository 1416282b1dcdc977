import "server-only";
import { eq } from "drizzle-orm";
import { translator } from "@/lib/i18n/messages";
import type { Transaction } from "../client";
import { delegates, meetings, organizations, users } from "../schema";
import { organizationLanguage } from "./delegates-staff";
import { queueNotices } from "./outbox";

/** What an organization did to a nomination, as its delegate is told (see docs/delegates.md). */
export type DelegateChange = "nominate" | "edit" | "withdraw" | { replacedBy: string };

/**
 * Queues, in the transaction of the change, the e-mail telling a delegate what their organization
 * did to their nomination, in the organization's language; `auditId` (the change's audit row)
 * keys it, so the same change is never told twice.
 */
export async function queueDelegateNotice(tx: Transaction, delegateId: string, change: DelegateChange, auditId: string): Promise<void> {
  const [context] = await tx
    .select({
      name: delegates.name,
      email: delegates.email,
      meeting: meetings.number,
      organization: organizations.legalName,
      country: organizations.country,
      nominatorLocale: users.locale,
    })
    .from(delegates)
    .innerJoin(meetings, eq(meetings.id, delegates.meetingId))
    .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
    .leftJoin(users, eq(users.id, delegates.nominatedById))
    .where(eq(delegates.id, delegateId));
  if (!context) return;
  const t = translator(organizationLanguage(context.nominatorLocale, context.country), "DelegatesEmail");
  const kind = typeof change === "string" ? change : "replaced";
  const values = {
    name: context.name,
    meeting: context.meeting,
    organization: context.organization,
    substitute: typeof change === "string" ? "" : change.replacedBy,
  };
  await queueNotices(tx, [
    { to: context.email, kind: `delegate-${kind}`, key: `delegate-${kind}:${auditId}`, subject: t(`${kind}.subject`, values), text: t(`${kind}.body`, values) },
  ]);
}
