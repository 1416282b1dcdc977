import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import type { Locale } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { users } from "../schema";

/** Every signed-in user may set their own language, and only their own. */
export async function setOwnLocale(actor: Actor | null, locale: Locale): Promise<void> {
  if (!actor) throw new AppError("unauthenticated");
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, actor.id));
}

/** A user who never chose a language gets the one they first signed in with. */
export async function adoptLocaleIfUnset(actor: Actor, locale: Locale): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ locale })
    .where(and(eq(users.id, actor.id), isNull(users.locale)));
}
