import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import type { Locale } from "@/lib/domain";
import { toLocale, translator } from "@/lib/i18n/messages";
import type { Executor } from "../client";
import { applications, organizations, users } from "../schema";
import type { OutgoingEmail } from "./outbox";

/** Where links in e-mails point: the portal's public address and the reader's language. */
export type MailContext = { origin: string; locale: Locale };

async function organizationName(executor: Executor, applicationId: string): Promise<string> {
  const [row] = await executor
    .select({ name: organizations.legalName })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .where(eq(applications.id, applicationId));
  return row?.name ?? "";
}

/** The submission confirmation, in the submitting user's saved language (else the page's). */
export async function submissionNotice(executor: Executor, actor: Actor, applicationId: string, context: MailContext): Promise<OutgoingEmail> {
  const locale = actor.locale ?? context.locale;
  const t = translator(locale, "ApplicantEmail.submitted");
  const organization = await organizationName(executor, applicationId);
  const link = new URL(`/${locale}/applicant/applications/${applicationId}`, context.origin).toString();
  return {
    to: actor.email,
    subject: t("subject", { organization }),
    text: `${t("body", { organization })}\n\n${link}\n\n${t("footer")}`,
  };
}

/** Staff who hear about an applicant's answer: the assigned reviewer, else every active staff member. */
async function secretariatRecipients(executor: Executor, applicationId: string): Promise<{ email: string; locale: Locale | null }[]> {
  const [assigned] = await executor
    .select({ email: users.email, locale: users.locale })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.assignedReviewerId))
    .where(and(eq(applications.id, applicationId), isNull(users.deactivatedAt)));
  if (assigned) return [assigned];
  return executor
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, ["reviewer", "admin"]), isNull(users.deactivatedAt)));
}

/** One message per staff recipient, each in their own language. */
export async function answerNotices(executor: Executor, applicationId: string, answer: string, context: MailContext): Promise<OutgoingEmail[]> {
  const organization = await organizationName(executor, applicationId);
  const recipients = await secretariatRecipients(executor, applicationId);
  return recipients.map(({ email, locale }) => {
    const language = toLocale(locale ?? context.locale);
    const t = translator(language, "ApplicantEmail.answered");
    const link = new URL(`/${language}/secretariat`, context.origin).toString();
    return { to: email, subject: t("subject", { organization }), text: `${t("body", { organization })}\n\n${answer}\n\n${link}` };
  });
}
