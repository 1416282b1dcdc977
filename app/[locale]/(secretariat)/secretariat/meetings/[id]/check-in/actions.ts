"use server";

import { getFormatter, getTranslations } from "next-intl/server";
import { recordArrival } from "@/db/queries/attendance";
import { type CheckInState, checkInSchema } from "@/lib/credentials";
import { protectedAction } from "@/lib/server/action";
import { expirePublicOrganization } from "@/lib/server/public-cache";

export const recordArrivalAction = protectedAction("attendance:record", checkInSchema, async (actor, input): Promise<CheckInState> => {
  const result = await recordArrival(actor, input);
  // An organization's public page lists the meetings it took part in.
  if (result.outcome === "arrived" && result.organizationId) expirePublicOrganization(result.organizationId);
  const [t, format] = await Promise.all([getTranslations("CheckIn"), getFormatter()]);
  const time = result.arrivedAt ? format.dateTime(result.arrivedAt, { hour: "2-digit", minute: "2-digit" }) : "";
  return {
    status: result.outcome === "arrived" ? "success" : "error",
    message: t(`outcome.${result.outcome}` as "outcome.arrived", { name: result.holder?.name ?? "", time, meeting: result.otherMeeting ?? "" }),
    card: result.holder ? { outcome: result.outcome, ...result.holder } : undefined,
  };
});
