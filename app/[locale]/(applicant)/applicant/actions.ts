"use server";

import { revalidatePath } from "next/cache";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { type MailContext } from "@/db/queries/application-notices";
import {
  NotReadyError,
  respondToInformationRequest,
  saveApplicationSection,
  startApplication,
  submitApplication,
  WindowClosedError,
  withdrawApplication,
} from "@/db/queries/applications-own";
import { removeDocument } from "@/db/queries/documents";
import { AppError } from "@/lib/errors";
import { InvitationRefusedError, inviteColleague } from "@/db/queries/organization-invitations";
import { createOrganization, DuplicateLegalNameError, DuplicateOrganizationError } from "@/db/queries/organization-profile";
import { type ActionState, failure, protectedAction, translateIssues } from "@/lib/server/action";
import { publicOrigin } from "@/lib/env";
import { FORM_SECTION_IDS, type FormSectionId, organizationSectionSchema, SECTION_SCHEMAS } from "@/lib/application-sections";
import { DOCUMENT_KINDS } from "@/lib/domain";
import { redirect } from "@/lib/i18n/navigation";
import { toLocale } from "@/lib/i18n/messages";
import { emailAddress, requiredText } from "@/lib/text-input";
import { readSectionForm } from "@/lib/section-form";
import { documentUploadInput, receiveDocument } from "./document-upload";
import { nextSectionPath } from "./section-paths";
import { replyToQuestion } from "@/db/queries/consultation-questions";
import { replyToQuestionSchema } from "@/lib/consultation";

const id = z.string().trim().min(1, { error: "required" });

async function mailContext(): Promise<MailContext> {
  return { origin: publicOrigin(), locale: toLocale(await getLocale()) };
}

async function invalid(fieldErrors: Record<string, string>, values: ActionState["values"]): Promise<ActionState> {
  const t = await getTranslations("Errors");
  return { status: "error", message: t("invalid"), fieldErrors, values };
}

async function duplicateLegalName(values: ActionState["values"]): Promise<ActionState> {
  const t = await getTranslations("ApplicantForm");
  return { status: "error", message: t("duplicateLegalName"), fieldErrors: { legalName: t("duplicateLegalName") }, values };
}

async function duplicateOrganization(values: ActionState["values"]): Promise<ActionState> {
  const t = await getTranslations("ApplicantForm");
  return { status: "error", message: t("duplicateOrganization"), fieldErrors: { registryNumber: t("duplicateRegistry") }, values };
}

function revalidateApplicant(locale: string) {
  revalidatePath(`/${locale}/applicant`, "layout");
}

export const createOrganizationAction = protectedAction("organization:manage-own", z.object({}), async (actor, _input, formData) => {
  const { input, values } = readSectionForm("organization", formData);
  const parsed = organizationSectionSchema.safeParse(input);
  if (!parsed.success) return invalid(await translateIssues(parsed.error), values);
  let applicationId: string;
  try {
    ({ applicationId } = await createOrganization(actor, parsed.data));
  } catch (error) {
    if (error instanceof DuplicateOrganizationError) return duplicateOrganization(values);
    if (error instanceof DuplicateLegalNameError) return duplicateLegalName(values);
    return failure(error, values);
  }
  const locale = await getLocale();
  revalidateApplicant(locale);
  return redirect({ href: `/applicant/applications/${applicationId}/work`, locale });
});

export const saveSectionAction = protectedAction(
  "application:edit-own",
  z.object({ applicationId: id, section: z.enum(FORM_SECTION_IDS) }),
  async (actor, { applicationId, section }, formData) => {
    const { input, values } = readSectionForm(section, formData);
    const parsed = SECTION_SCHEMAS[section as FormSectionId].safeParse(input);
    if (!parsed.success) return invalid(await translateIssues(parsed.error), values);
    try {
      await saveApplicationSection(actor, applicationId, section, parsed.data);
    } catch (error) {
      if (error instanceof DuplicateOrganizationError) return duplicateOrganization(values);
      if (error instanceof DuplicateLegalNameError) return duplicateLegalName(values);
      return failure(error, values);
    }
    const locale = await getLocale();
    revalidateApplicant(locale);
    const href =
      formData.get("afterSave") === "status"
        ? `/applicant/applications/${applicationId}`
        : nextSectionPath(applicationId, section, formData.get("isRenewal") === "true");
    return redirect({ href, locale });
  },
);

export const uploadDocumentAction = protectedAction("application:edit-own", documentUploadInput, receiveDocument);

export const removeDocumentAction = protectedAction(
  "application:edit-own",
  z.object({ applicationId: id, kind: z.enum(DOCUMENT_KINDS) }),
  async (actor, { applicationId, kind }) => {
    await removeDocument(actor, applicationId, kind);
    revalidateApplicant(await getLocale());
    const t = await getTranslations("ApplicantDocuments");
    return { status: "success", message: t("removed") };
  },
);

export const submitApplicationAction = protectedAction("application:submit-own", z.object({ applicationId: id }), async (actor, { applicationId }) => {
  try {
    await submitApplication(actor, applicationId, await mailContext());
  } catch (error) {
    if (error instanceof NotReadyError) {
      const t = await getTranslations("ApplicantReview");
      return { status: "error", message: t("notReady") };
    }
    if (error instanceof WindowClosedError) {
      const [t, format] = await Promise.all([getTranslations("MeetingWindow"), getFormatter()]);
      const message = error.next
        ? t("submitClosedNext", { meeting: error.next.number, opens: format.dateTime(error.next.opensAt, { dateStyle: "long" }) })
        : t("submitClosed");
      return { status: "error", message };
    }
    throw error;
  }
  const locale = await getLocale();
  revalidateApplicant(locale);
  return redirect({ href: `/applicant/applications/${applicationId}?submitted=1`, locale });
});

export const withdrawApplicationAction = protectedAction(
  "application:withdraw-own",
  z.object({
    applicationId: id,
    confirm: z.literal("on", { error: "mustAccept" }),
    reason: z.string().trim().max(2000, { error: "tooLong" }).optional(),
  }),
  async (actor, { applicationId, reason }) => {
    await withdrawApplication(actor, applicationId, reason || null);
    revalidateApplicant(await getLocale());
    const t = await getTranslations("ApplicantStatus");
    return { status: "success", message: t("withdrawn") };
  },
);

export const respondAction = protectedAction(
  "application:respond-own",
  z.object({ applicationId: id, answer: requiredText(4000) }),
  async (actor, { applicationId, answer }) => {
    await respondToInformationRequest(actor, applicationId, answer, await mailContext());
    const locale = await getLocale();
    revalidateApplicant(locale);
    // The request and its form leave the page once answered: the notice is shown by the page.
    return redirect({ href: `/applicant/applications/${applicationId}?answered=1`, locale });
  },
);

export const replyToQuestionAction = protectedAction("application:respond-own", replyToQuestionSchema, async (actor, input) => {
  await replyToQuestion(actor, input);
  revalidateApplicant(await getLocale());
  return { status: "success", message: (await getTranslations("StateQuestions"))("sent") };
});

export const startApplicationAction = protectedAction("application:edit-own", z.object({ organizationId: id }), async (actor, { organizationId }) => {
  const applicationId = await startApplication(actor, organizationId);
  const locale = await getLocale();
  revalidateApplicant(locale);
  return redirect({ href: `/applicant/applications/${applicationId}`, locale });
});

export const inviteColleagueAction = protectedAction(
  "organization:manage-own",
  z.object({
    organizationId: id,
    email: emailAddress(),
  }),
  async (actor, { organizationId, email }) => {
    const t = await getTranslations("ApplicantPeople");
    try {
      await inviteColleague(actor, organizationId, email, await mailContext());
    } catch (error) {
      if (error instanceof InvitationRefusedError) {
        const message = t(error.reason === "already_member" ? "alreadyMember" : "alreadyInvited");
        return { status: "error", message, fieldErrors: { email: message }, values: { email } };
      }
      if (error instanceof AppError && error.code === "rate_limited") return { status: "error", message: t("tooManyInvitations"), values: { email } };
      throw error;
    }
    revalidateApplicant(await getLocale());
    return { status: "success", message: t("invited", { email }) };
  },
);
