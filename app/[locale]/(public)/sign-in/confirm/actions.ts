"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { signInWithToken } from "@/db/queries/sign-in-challenges";
import { type ActionState, formValues, malformedCall } from "@/lib/server/action";
import { inLocale } from "@/lib/server/sign-in-secrets";
import { setSessionCookie } from "@/lib/server/sign-in-session";

const confirmSchema = z.object({ token: z.string().min(1).max(200) });

/** The only step that uses a sign-in link: pressing the button on its confirmation page. */
export async function confirmSignInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  if (!(formData instanceof FormData)) return malformedCall();
  const t = await getTranslations("SignIn");
  const parsed = confirmSchema.safeParse(formValues(formData));
  const outcome = parsed.success ? await signInWithToken(parsed.data.token) : null;
  if (!outcome?.ok) return { status: "error", message: t("errorVerification") };
  await setSessionCookie(outcome.session);
  redirect(inLocale(outcome.session.callbackPath, outcome.session.locale));
}
