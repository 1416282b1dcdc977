import "server-only";
import { eq } from "drizzle-orm";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain";
import { sendEmail } from "@/lib/mail";
import { getDb } from "../client";
import { organizationMembers, users } from "../schema";

export type ComposedMail = { subject: string; text: string };

export function portalUrl(path: string): string {
  const base = (process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path}`;
}

/**
 * E-mails every active member of an organization in their own language. Called only by
 * data-layer functions after their checked change has committed; a failed delivery stays
 * in the outbox (marked failed) and does not undo the change.
 */
export async function notifyOrganizationMembers(organizationId: string, compose: (locale: Locale) => ComposedMail): Promise<number> {
  const db = await getDb();
  const members = await db
    .select({ email: users.email, locale: users.locale, deactivatedAt: users.deactivatedAt })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId));
  let sent = 0;
  for (const member of members) {
    if (member.deactivatedAt) continue;
    try {
      await sendEmail({ to: member.email, ...compose(member.locale ?? DEFAULT_LOCALE) });
      sent++;
    } catch (error) {
      console.error(`[mail] could not notify ${member.email}:`, error);
    }
  }
  return sent;
}
