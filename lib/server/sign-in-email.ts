import "server-only";
import type { Locale } from "@/lib/domain";
import { publicOrigin } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import { sendEmail } from "./mail";

/**
 * The sign-in message: a link to the confirmation page and the code. The outbox keeps them only
 * until the message is delivered or they expire.
 */
export async function sendSignInEmail(input: { to: string; locale: Locale; token: string; code: string; expiresAt: Date }) {
  const t = translator(input.locale, "Email.signIn");
  const link = `${publicOrigin()}/${input.locale}/sign-in/confirm?token=${encodeURIComponent(input.token)}`;
  await sendEmail(
    {
      to: input.to,
      subject: t("subject"),
      text: `${t("body")}\n\n${link}\n\n${t("code", { code: input.code })}\n\n${t("footer")}`,
      redactedText: `${t("body")}\n\n${t("redacted")}\n\n${t("footer")}`,
      sensitiveUntil: input.expiresAt,
    },
    "sign-in",
  );
}
