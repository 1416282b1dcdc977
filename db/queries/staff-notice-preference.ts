import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { type Actor, assertCan } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { users } from "../schema";

const preferenceSchema = z.object({ userId: z.string().min(1).max(100), enabled: z.boolean() });

/** Only an active staff member's own row: another person's id, or an applicant's, matches nothing. */
const ownStaffRow = (actor: Actor, userId: string) =>
  and(eq(users.id, userId), eq(users.id, actor.id), inArray(users.role, ["reviewer", "admin"]), isNull(users.deactivatedAt));

/** Whether the asking staff member gets the secretariat's e-mail notices. */
export async function getStaffNoticePreference(actor: Actor | null): Promise<boolean> {
  assertCan(actor, "staff-notices:manage-own");
  const db = await getDb();
  const [row] = await db.select({ enabled: users.staffNotices }).from(users).where(ownStaffRow(actor, actor.id));
  if (!row) throw new AppError("not_found");
  return row.enabled;
}

/** Turns the secretariat's e-mail notices on or off for the asking staff member, and for no one else. */
export async function setStaffNoticePreference(actor: Actor | null, input: { userId: string; enabled: boolean }): Promise<void> {
  assertCan(actor, "staff-notices:manage-own");
  const parsed = preferenceSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { userId, enabled } = parsed.data;
  if (userId !== actor.id) throw new AppError("forbidden", "another person's notices");
  const db = await getDb();
  const updated = await db.update(users).set({ staffNotices: enabled }).where(ownStaffRow(actor, userId)).returning({ id: users.id });
  if (updated.length !== 1) throw new AppError("forbidden", "not an active staff member");
}
