"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { type ActionState, formValues, malformedCall, translateIssues } from "@/lib/action";
import { signIn } from "@/lib/auth";
import { clientAddress, safeReturnPath } from "@/lib/client-address";
import { redirect } from "@/lib/i18n/navigation";
import { emailAddress } from "@/lib/text-input";

const signInSchema = z.object({
  email: emailAddress(),
  callbackUrl: z.string().optional(),
});

const WINDOW_SECONDS = 15 * 60;
const perEmailLimit = () => Number(process.env.SIGN_IN_LIMIT_PER_EMAIL ?? 5);
const perAddressLimit = () => Number(process.env.SIGN_IN_LIMIT_PER_ADDRESS ?? 30);

/** Sends a magic link; the first sign-in of an address creates an applicant account. */
export async function requestSignInLinkAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return malformedCall();
  const values = formValues(formData);
  const [t, tErrors, locale] = await Promise.all([getTranslations("SignIn"), getTranslations("Errors"), getLocale()]);
  const parsed = signInSchema.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: tErrors("invalid"), fieldErrors: await translateIssues(parsed.error), values };
  }
  const { email, callbackUrl } = parsed.data;
  const address = clientAddress(await headers());
  const [byEmail, byAddress] = await Promise.all([
    hitRateLimit(`sign-in:email:${email}`, perEmailLimit(), WINDOW_SECONDS),
    hitRateLimit(`sign-in:address:${address}`, perAddressLimit(), WINDOW_SECONDS),
  ]);
  if (!byEmail.allowed || !byAddress.allowed) return { status: "error", message: tErrors("rate_limited"), values };

  try {
    await signIn("email", { email, redirect: false, redirectTo: safeReturnPath(callbackUrl, `/${locale}/welcome`) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { status: "error", message: t("sendFailed"), values };
  }
  // The same answer whether or not the address has an account, so it reveals nothing.
  return redirect({ href: "/sign-in/check-email", locale });
}
