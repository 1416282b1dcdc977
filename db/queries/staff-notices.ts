import "server-only";
import { and, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { DEFAULT_LOCALE, type Locale } from "@/lib/domain";
import { translator } from "@/lib/i18n/messages";
import type { Recommendation } from "@/lib/review-schemas";
import type { Executor } from "../client";
import { applications, users } from "../schema";
import type { Notice } from "./outbox";
import { organizationName } from "./application-organization";

/** What the secretariat hears about, named after the history row of the change (its idempotency key). */
export type StaffEvent = { applicationId: string; historyId: string } & (
  { kind: "submitted" } | { kind: "answered"; answer: string } | { kind: "recommended"; recommendation: Recommendation; by: { id: string; name: string } }
);

type Recipient = { id: string; email: string; locale: Locale | null };

const KINDS = { submitted: "staff-submission", answered: "answer", recommended: "staff-recommendation" } as const;

// Signed in at least once: an invitation never taken up (a wrong or unused address) gets no applicant's data.
const activeStaff = and(inArray(users.role, ["reviewer", "admin"]), isNull(users.deactivatedAt), isNotNull(users.emailVerified));
const recipientColumns = { id: users.id, email: users.email, locale: users.locale };

/**
 * The application's reviewer while one is assigned and active (no mail if they turned notices
 * off: the work is theirs), else every active staff member who keeps notices on.
 */
async function reviewTeam(executor: Executor, applicationId: string): Promise<Recipient[]> {
  const [assigned] = await executor
    .select({ ...recipientColumns, staffNotices: users.staffNotices })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.assignedReviewerId))
    .where(and(eq(applications.id, applicationId), activeStaff));
  if (assigned) return assigned.staffNotices ? [{ id: assigned.id, email: assigned.email, locale: assigned.locale }] : [];
  return executor
    .select(recipientColumns)
    .from(users)
    .where(and(activeStaff, eq(users.staffNotices, true)));
}

/** Active administrators who keep notices on, but not the one who made the change. */
async function deciders(executor: Executor, except: string): Promise<Recipient[]> {
  return executor
    .select(recipientColumns)
    .from(users)
    .where(and(activeStaff, eq(users.role, "admin"), eq(users.staffNotices, true), ne(users.id, except)));
}

function compose(event: StaffEvent, organization: string, locale: Locale, origin: string): { subject: string; text: string } {
  const t = translator(locale, "StaffEmail");
  const reviewPage = new URL(`/${locale}/secretariat/applications/${event.applicationId}`, origin).toString();
  const footer = `${t("footer")}\n${new URL(`/${locale}/account`, origin).toString()}`;
  switch (event.kind) {
    case "submitted":
      return { subject: t("submitted.subject", { organization }), text: `${t("submitted.body", { organization })}\n\n${reviewPage}\n\n${footer}` };
    case "answered":
      return {
        subject: t("answered.subject", { organization }),
        text: `${t("answered.body", { organization })}\n\n${event.answer}\n\n${reviewPage}\n\n${footer}`,
      };
    case "recommended":
      return {
        subject: t("recommended.subject", { organization }),
        text: `${t(`recommended.${event.recommendation}`, { organization, reviewer: event.by.name })}\n\n${t("recommended.action")}\n${reviewPage}\n\n${footer}`,
      };
  }
}

/**
 * The secretariat's notices of a change, one per recipient in their own language (else Spanish):
 * a submission or an answer goes to the review team, a recommendation to the administrators who
 * decide. Deactivated staff, staff who never signed in and those who turned notices off get none.
 * Queue them in the change's transaction.
 */
export async function staffNotices(executor: Executor, event: StaffEvent, origin: string): Promise<Notice[]> {
  const recipients = event.kind === "recommended" ? await deciders(executor, event.by.id) : await reviewTeam(executor, event.applicationId);
  if (recipients.length === 0) return [];
  const organization = await organizationName(executor, event.applicationId);
  const kind = KINDS[event.kind];
  return recipients.map((recipient) => ({
    to: recipient.email,
    kind,
    key: `${kind}:${event.historyId}:${recipient.id}`,
    ...compose(event, organization, recipient.locale ?? DEFAULT_LOCALE, origin),
  }));
}
