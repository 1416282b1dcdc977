import "server-only";
import { cookies } from "next/headers";
import { forbidden } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { isLiveSession } from "@/db/queries/sessions";
import { auth } from "@/lib/server/auth";
import { redirect } from "@/lib/i18n/navigation";
import type { Actor } from "@/lib/actor";
import { can, type Operation } from "@/lib/permissions";
import { SESSION_COOKIES } from "@/lib/session-cookies";

/** The signed-in user of this request, or null; read once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (session?.user) return session.user;
  // Auth.js logs a session it could not read (database down) and reports none: the user would be
  // sent to sign in, or told their session ended. With a session cookie, the request fails (a 500)
  // instead, unless the session is really gone; read again, as the database may be back by now.
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (token && (await isLiveSession(token))) throw new Error("The session could not be read: the database did not answer.");
  return null;
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
