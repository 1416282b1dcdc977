"use server";

import { z } from "zod";
import { setOwnLocale } from "@/db/queries/users";
import { signOut } from "@/lib/server/auth";
import { LOCALES } from "@/lib/domain";
import { getActor } from "@/lib/server/session";

const localeSchema = z.enum(LOCALES);

/** Remembers a signed-in user's language choice; visitors are remembered by next-intl's cookie. */
export async function rememberLocaleAction(locale: string): Promise<void> {
  const parsed = localeSchema.safeParse(locale);
  const actor = await getActor();
  if (!parsed.success || !actor) return;
  await setOwnLocale(actor, parsed.data);
}

export async function signOutAction(formData: FormData): Promise<void> {
  const locale = localeSchema.catch("es").parse(formData instanceof FormData ? formData.get("locale") : undefined);
  await signOut({ redirectTo: `/${locale}` });
}
