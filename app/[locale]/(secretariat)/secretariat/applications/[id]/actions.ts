"use server";

import { revalidatePath } from "next/cache";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { deferApplication, RepeatedQuestionError } from "@/db/queries/deferrals";
import { shareDocumentWithStates } from "@/db/queries/documents";
import { forwardQuestion } from "@/db/queries/consultation-questions";
import { deferSchema, forwardQuestionSchema } from "@/lib/consultation";
import { saveEligibilityChecklist } from "@/db/queries/eligibility";
import { addInternalNote, assignApplication, recommendApplication, requestInformation, sendApplicantMessage, startReview } from "@/db/queries/review-actions";
import { type ActionState, type FormValues, formValues, protectedAction, translateIssues } from "@/lib/server/action";
import { ELIGIBILITY_CRITERIA } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { expirePublicOrganization } from "@/lib/server/public-cache";
import { applicationId, assignSchema, decideSchema, noteSchema, recommendSchema, requestInfoSchema } from "@/lib/review-schemas";

type Done = "started" | "infoRequested" | "recommended" | "decided" | "deferred";

/** After a transition the page is shown again in its new state, with the outcome announced. */
async function showOutcome(id: string, done: Done): Promise<never> {
  revalidatePath("/[locale]/secretariat", "layout");
  return redirect({ href: { pathname: `/secretariat/applications/${id}`, query: { done } }, locale: await getLocale() });
}

async function succeeded(key: "assigned" | "noteAdded" | "messageSent" | "eligibilitySaved", id: string): Promise<ActionState> {
  revalidatePath(`/[locale]/secretariat/applications/${id}`, "page");
  const t = await getTranslations("Review");
  return { status: "success", message: t(key) };
}

export const assignApplicationAction = protectedAction("application:assign", assignSchema, async (actor, input) => {
  try {
    await assignApplication(actor, input);
  } catch (error) {
    // Someone assigned it meanwhile: the page shows who, along with the conflict message.
    if (error instanceof AppError && error.code === "conflict") revalidatePath(`/[locale]/secretariat/applications/${input.applicationId}`, "page");
    throw error;
  }
  return succeeded("assigned", input.applicationId);
});

export const startReviewAction = protectedAction("application:start-review", z.object({ applicationId }), async (actor, { applicationId: id }) => {
  await startReview(actor, { applicationId: id });
  return showOutcome(id, "started");
});

export const addInternalNoteAction = protectedAction("application:note", noteSchema, async (actor, input) => {
  await addInternalNote(actor, input);
  return succeeded("noteAdded", input.applicationId);
});

export const sendApplicantMessageAction = protectedAction("application:note", noteSchema, async (actor, input) => {
  await sendApplicantMessage(actor, input);
  return succeeded("messageSent", input.applicationId);
});

export const requestInformationAction = protectedAction(
  "application:request-info",
  requestInfoSchema.omit({ sections: true }),
  async (actor, input, formData) => {
    // Checkboxes: one entry per ticked section, which the single-valued form values cannot hold.
    const sections = formData.getAll("sections");
    const parsed = requestInfoSchema.safeParse({ ...input, sections });
    if (!parsed.success) {
      const t = await getTranslations("Errors");
      const values = { ...formValues(formData), sections: sections.join(",") };
      return { status: "error", message: t("invalid"), fieldErrors: await translateIssues(parsed.error), values };
    }
    await requestInformation(actor, parsed.data);
    return showOutcome(input.applicationId, "infoRequested");
  },
);

export const recommendApplicationAction = protectedAction("application:recommend", recommendSchema, async (actor, input) => {
  await recommendApplication(actor, input);
  return showOutcome(input.applicationId, "recommended");
});

export const decideApplicationAction = protectedAction("application:decide", decideSchema, async (actor, input, formData) => {
  let result;
  try {
    result = await decideApplication(actor, input);
  } catch (error) {
    return consultationRefusal(error, input.applicationId, formValues(formData));
  }
  expirePublicOrganization(result.organizationId);
  return showOutcome(input.applicationId, "decided");
});

export const saveEligibilityAction = protectedAction("application:recommend", z.object({ applicationId }), async (actor, { applicationId: id }, formData) => {
  const checks = ELIGIBILITY_CRITERIA.map((criterion) => ({
    criterion,
    met: formData.get(`met-${criterion}`) === "on",
    note: String(formData.get(`note-${criterion}`) ?? "").trim() || null,
  }));
  if (checks.some((check) => (check.note?.length ?? 0) > 2000)) {
    const t = await getTranslations("Errors");
    return { status: "error", message: t("invalid") };
  }
  await saveEligibilityChecklist(actor, { applicationId: id, checks });
  return succeeded("eligibilitySaved", id);
});

/** The fields that answer the member states' consultation refusing a decision or a deferral. */
const CONSULTATION_FIELDS = { consultation_open: "earlyCloseReason", plenary_required: "plenaryReference" } as const;

/**
 * A decision or deferral refused because the consultation is still open or the objections sent the
 * application to the plenary (perhaps since this page was shown): the page shows the field, which says
 * what is needed, and the form keeps what was typed. Any other error is not this one's to answer.
 */
async function consultationRefusal(error: unknown, applicationId: string, values: FormValues): Promise<ActionState> {
  if (!(error instanceof AppError) || !(error.code in CONSULTATION_FIELDS)) throw error;
  const code = error.code as keyof typeof CONSULTATION_FIELDS;
  revalidatePath(`/[locale]/secretariat/applications/${applicationId}`, "page");
  const [t, tValidation] = await Promise.all([getTranslations("Errors"), getTranslations("Validation")]);
  return { status: "error", message: t(code), fieldErrors: { [CONSULTATION_FIELDS[code]]: tValidation("required") }, values };
}

/** Deferral fields besides the ticked criteria, which are read apart (one entry per box). */
const deferFields = z.object({ applicationId, reason: z.string().optional(), earlyCloseReason: z.string().optional() });

export const deferApplicationAction = protectedAction("application:decide", deferFields, async (actor, input, formData) => {
  const criteria = formData.getAll("criteria");
  const values = { ...formValues(formData), criteria: criteria.join(",") };
  const parsed = deferSchema.safeParse({ ...input, criteria });
  const [tErrors, tDeferral, format] = await Promise.all([getTranslations("Errors"), getTranslations("Deferral"), getFormatter()]);
  if (!parsed.success) return { status: "error", message: tErrors("invalid"), fieldErrors: await translateIssues(parsed.error), values };
  try {
    await deferApplication(actor, parsed.data);
  } catch (error) {
    if (error instanceof RepeatedQuestionError) {
      const criterion = (await getTranslations("SecretariatLabels"))(`criterion.${error.criterion}`);
      const message = tDeferral("alreadyAsked", { criterion, date: format.dateTime(error.askedAt, { dateStyle: "long" }) });
      return { status: "error", message: tErrors("invalid"), fieldErrors: { criteria: message }, values };
    }
    return consultationRefusal(error, parsed.data.applicationId, values);
  }
  return showOutcome(parsed.data.applicationId, "deferred");
});

const shareFields = z.object({ applicationId, documentId: z.uuid({ error: "invalid" }), shared: z.enum(["true", "false"], { error: "invalid" }) });

export const shareDocumentAction = protectedAction("document:share", shareFields, async (actor, input) => {
  await shareDocumentWithStates(actor, { applicationId: input.applicationId, documentId: input.documentId, shared: input.shared === "true" });
  revalidatePath(`/[locale]/secretariat/applications/${input.applicationId}`, "page");
  return { status: "success", message: (await getTranslations("DocumentSharing"))("done") };
});

export const forwardQuestionAction = protectedAction("application:request-info", forwardQuestionSchema, async (actor, input) => {
  await forwardQuestion(actor, input);
  revalidatePath(`/[locale]/secretariat/applications/${input.applicationId}`, "page");
  return { status: "success", message: (await getTranslations("QuestionTracking"))("done") };
});
