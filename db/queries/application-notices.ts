import "server-only";
import type { Actor } from "@/lib/actor";
import type { Locale } from "@/lib/domain";
import { translator } from "@/lib/i18n/messages";
import type { Executor } from "../client";

import type { OutgoingEmail } from "./outbox";
import { organizationName } from "./application-organization";

/** Where links in e-mails point: the portal's public address and the reader's language. */
export type MailContext = { origin: string; locale: Locale };

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
