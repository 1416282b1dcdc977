"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { retryDeadDeliveries } from "@/db/queries/deliveries";
import { failure, protectedAction } from "@/lib/server/action";
import { retryDeliverySchema } from "@/lib/delivery-filters";

export const retryDeliveryAction = protectedAction("delivery:manage", retryDeliverySchema, async (actor, input) => {
  try {
    await retryDeadDeliveries(actor, { id: input.id });
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/[locale]/secretariat/deliveries", "page");
  return { status: "success", message: (await getTranslations("Deliveries"))("retried") };
});

export const retryAllDeliveriesAction = protectedAction("delivery:manage", z.object({}), async (actor) => {
  const count = await retryDeadDeliveries(actor);
  revalidatePath("/[locale]/secretariat/deliveries", "page");
  return { status: "success", message: (await getTranslations("Deliveries"))("retriedAll", { count }) };
});
