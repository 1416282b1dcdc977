"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { eraseOwnAccount } from "@/db/queries/account";
import { setStaffNoticePreference } from "@/db/queries/staff-notice-preference";
import { protectedAction } from "@/lib/server/action";
import { AppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { SESSION_COOKIES } from "@/lib/session-cookies";

const eraseAccountSchema = z.object({ confirm: z.literal("yes", { error: "Account.confirmRequired" }) });

export const eraseOwnAccountAction = protectedAction("account:manage-own", eraseAccountSchema, async (actor) => {
  try {
    await eraseOwnAccount(actor);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      const t = await getTranslations("Account");
      return { status: "error", message: t("lastAdmin") };
    }
    throw error;
  }
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect({ href: "/account/erased", locale: await getLocale() });
});

// An unticked checkbox sends nothing: absent means off.
const staffNoticesSchema = z.object({ staffNotices: z.literal("on").optional() });

export const updateStaffNoticesAction = protectedAction("staff-notices:manage-own", staffNoticesSchema, async (actor, { staffNotices }) => {
  const enabled = staffNotices === "on";
  await setStaffNoticePreference(actor, { userId: actor.id, enabled });
  revalidatePath("/[locale]/account", "page");
  const t = await getTranslations("Account");
  return { status: "success", message: t(enabled ? "noticesOn" : "noticesOff") };
});
