"use server";

import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { redirect as redirectTo } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { createSignInChallenge, signInWithCode, type SignInOutcome } from "@/db/queries/sign-in-challenges";
import { type ActionState, formValues, malformedCall, translateIssues } from "@/lib/server/action";
import { clientAddress, safeReturnPath } from "@/lib/client-address";
import { toLocale } from "@/lib/i18n/messages";
import { redirect } from "@/lib/i18n/navigation";
import { servedOverHttps } from "@/lib/env";
import { sendSignInEmail } from "@/lib/server/sign-in-email";
import { CODE_COOKIE, inLocale, parseCodeCookie, SIGN_IN_TTL_SECONDS } from "@/lib/server/sign-in-secrets";
import { allowSignInCode, allowSignInRequest } from "@/lib/server/sign-in-limits";
import { setSessionCookie } from "@/lib/server/sign-in-session";
import { emailAddress } from "@/lib/text-input";

const signInSchema = z.object({
  email: emailAddress(),
  callbackUrl: z.string().max(2000).optional(),
});

const codeSchema = z.object({
  code: z
    .string({ error: "signInCode" })
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{8}$/, { error: "signInCode" })),
});

/**
 * Sends a sign-in link and code; the first sign-in of an address creates an applicant account.
 * The same answer whether or not the address has an account (or a deactivated one), so it reveals nothing.
 */
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
  if (!(await allowSignInRequest(email, address))) return { status: "error", message: tErrors("rate_limited"), values };

  const signInLocale = toLocale(locale);
  const browserKey = randomBytes(32).toString("base64url");
  const challenge = await createSignInChallenge({
    email,
    locale: signInLocale,
    callbackPath: safeReturnPath(callbackUrl, `/${signInLocale}/welcome`),
    browserKey,
  });
  if (challenge) {
    try {
      await sendSignInEmail({ to: email, locale: signInLocale, ...challenge });
    } catch {
      return { status: "error", message: t("sendFailed"), values };
    }
    (await cookies()).set(CODE_COOKIE, `${challenge.id}.${browserKey}`, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: SIGN_IN_TTL_SECONDS,
      secure: servedOverHttps(),
    });
  }
  return redirect({ href: "/sign-in/check-email", locale });
}

/** Signs in with the code from the e-mail, typed in the browser that asked for it. */
export async function signInWithCodeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return malformedCall();
  const values = formValues(formData);
  const [t, tErrors] = await Promise.all([getTranslations("SignIn"), getTranslations("Errors")]);
  const parsed = codeSchema.safeParse(values);
  if (!parsed.success) {
    return { status: "error", message: tErrors("invalid"), fieldErrors: await translateIssues(parsed.error), values };
  }
  const address = clientAddress(await headers());
  if (!(await allowSignInCode(address))) return { status: "error", message: tErrors("rate_limited"), values };
  const jar = await cookies();
  const binding = parseCodeCookie(jar.get(CODE_COOKIE)?.value);
  const outcome: SignInOutcome = binding ? await signInWithCode({ ...binding, code: parsed.data.code }) : { ok: false, reason: "invalid" };
  if (!outcome.ok) {
    return { status: "error", message: t(outcome.reason === "locked" ? "codeLocked" : "codeInvalid"), values };
  }
  jar.delete(CODE_COOKIE);
  await setSessionCookie(outcome.session);
  redirectTo(inLocale(outcome.session.callbackPath, outcome.session.locale));
}
