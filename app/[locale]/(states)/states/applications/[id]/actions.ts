"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { answerConsultation } from "@/db/queries/consultations";
import { consultationAnswerSchema } from "@/lib/consultation";
import { type ActionState, formValues, protectedAction, translateIssues } from "@/lib/server/action";

/** The form's single-valued fields; the ticked criteria are read apart (one entry per box) and the whole answer checked together. */
const answerFields = z.object({ applicationId: z.string(), answer: z.string().optional(), reasons: z.string().optional() });

export const answerConsultationAction = protectedAction("consultation:answer", answerFields, async (actor, input, formData): Promise<ActionState> => {
  const criteria = formData.getAll("criteria");
  const parsed = consultationAnswerSchema.safeParse({ ...input, criteria });
  if (!parsed.success) {
    const t = await getTranslations("Errors");
    return {
      status: "error",
      message: t("invalid"),
      fieldErrors: await translateIssues(parsed.error),
      values: { ...formValues(formData), criteria: criteria.join(",") },
    };
  }
  await answerConsultation(actor, parsed.data);
  revalidatePath(`/[locale]/states`, "layout");
  const t = await getTranslations("States");
  return { status: "success", message: t("answerSaved") };
});
