"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { reissueCredential } from "@/db/queries/delegate-credentials";
import { decideDelegate } from "@/db/queries/delegates-staff";
import { reissueSchema } from "@/lib/credentials";
import { protectedAction } from "@/lib/server/action";
import { decisionSchema } from "@/lib/delegates";
import { expirePublicOrganization } from "@/lib/server/public-cache";

export const decideDelegateAction = protectedAction("delegate:confirm", decisionSchema, async (actor, input, formData) => {
  const { organizationId, status } = await decideDelegate(actor, input);
  // A confirmed delegate adds the meeting to the organization's public page.
  if (status === "confirmed") expirePublicOrganization(organizationId);
  revalidatePath(`/${await getLocale()}/secretariat/meetings/${String(formData.get("meetingId") ?? "")}/delegates`);
  const t = await getTranslations("DelegatesStaff");
  const name = String(formData.get("delegateName") ?? "");
  return { status: "success", message: status === "confirmed" ? t("confirmed", { name }) : t("declined", { name }) };
});

export const reissueCredentialAction = protectedAction("credential:issue", reissueSchema, async (actor, input) => {
  const { meetingId, name } = await reissueCredential(actor, input);
  revalidatePath(`/${await getLocale()}/secretariat/meetings/${meetingId}/delegates`);
  const t = await getTranslations("DelegatesStaff");
  return { status: "success", message: t("reissued", { name }) };
});
