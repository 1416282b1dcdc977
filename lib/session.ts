import "server-only";
import { forbidden } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { redirect } from "@/lib/i18n/navigation";
import type { Actor } from "./actor";
import { can, type Operation } from "./permissions";

/** The signed-in user of this request, or null; read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  return session?.user ?? null;
});

/** For pages: sends a visitor to sign in, and refuses (403) a user whose role lacks the operation. */
export async function requirePageActor(operation: Operation, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const locale = await getLocale();
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: returnTo } }, locale });
  }
  if (!can(actor.role, operation)) forbidden();
  return actor;
}
