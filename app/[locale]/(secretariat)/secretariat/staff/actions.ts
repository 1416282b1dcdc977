"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { changeStaffRole, deactivateUser, inviteStaff } from "@/db/queries/staff";
import { type ActionState, protectedAction } from "@/lib/server/action";
import { AppError } from "@/lib/errors";
import { changeRoleSchema, inviteStaffSchema } from "@/lib/review-schemas";

/** The last-admin guard reports a conflict; here it gets its own, clearer message. */
async function staffFailure(error: unknown): Promise<ActionState> {
  if (error instanceof AppError && error.code === "conflict") {
    return { status: "error", message: (await getTranslations("Staff"))("lastAdmin") };
  }
  throw error;
}

async function done(message: string): Promise<ActionState> {
  revalidatePath("/[locale]/secretariat/staff", "page");
  return { status: "success", message };
}

export const inviteStaffAction = protectedAction("staff:manage", inviteStaffSchema, async (actor, input) => {
  try {
    await inviteStaff(actor, input);
  } catch (error) {
    return { ...(await staffFailure(error)), values: { email: input.email, role: input.role, locale: input.locale } };
  }
  return done((await getTranslations("Staff"))("invited", { email: input.email }));
});

export const changeStaffRoleAction = protectedAction("staff:manage", changeRoleSchema, async (actor, input) => {
  try {
    await changeStaffRole(actor, input);
  } catch (error) {
    return staffFailure(error);
  }
  return done((await getTranslations("Staff"))("roleChanged"));
});

export const deactivateStaffAction = protectedAction("staff:manage", z.object({ userId: z.string().trim().min(1) }), async (actor, input) => {
  try {
    await deactivateUser(actor, input.userId);
  } catch (error) {
    return staffFailure(error);
  }
  return done((await getTranslations("Staff"))("deactivated_done"));
});
