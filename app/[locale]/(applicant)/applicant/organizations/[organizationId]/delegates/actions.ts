"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { editDelegate, nominateDelegate, substituteDelegate, withdrawDelegate } from "@/db/queries/delegates-own";
import { type ActionState, type FormValues, failure, formValues, protectedAction } from "@/lib/server/action";
import { DelegateRefusal, delegateRefSchema, editSchema, nominationSchema, substitutionSchema } from "@/lib/delegates";
import { expirePublicOrganization } from "@/lib/server/public-cache";

const REFUSAL_FIELD: Partial<Record<DelegateRefusal["reason"], string>> = {
  duplicate_email: "email",
  not_coalition_member: "memberOrganizationId",
};

/** A refusal (quota, deadline, accreditation, duplicate) keeps what was typed and says why. */
async function refused(error: unknown, values: FormValues): Promise<ActionState> {
  if (!(error instanceof DelegateRefusal)) return failure(error, values);
  const t = await getTranslations("Delegates.refusal");
  const message = t(error.reason);
  const field = REFUSAL_FIELD[error.reason];
  return { status: "error", message, fieldErrors: field ? { [field]: message } : undefined, values };
}

async function done(
  organizationId: string,
  key: "nominated" | "edited" | "reopened" | "substituted" | "withdrawn",
  publicChanged = false,
): Promise<ActionState> {
  if (publicChanged) expirePublicOrganization(organizationId);
  revalidatePath(`/${await getLocale()}/applicant/organizations/${organizationId}/delegates`);
  const t = await getTranslations("Delegates");
  return { status: "success", message: t(key) };
}

export const nominateDelegateAction = protectedAction("delegate:nominate-own", nominationSchema, async (actor, input, formData) => {
  try {
    await nominateDelegate(actor, input);
  } catch (error) {
    return refused(error, formValues(formData));
  }
  return done(input.organizationId, "nominated");
});

export const editDelegateAction = protectedAction("delegate:nominate-own", editSchema, async (actor, input, formData) => {
  let reopened: boolean;
  try {
    ({ reopened } = await editDelegate(actor, input));
  } catch (error) {
    return refused(error, formValues(formData));
  }
  return done(input.organizationId, reopened ? "reopened" : "edited", reopened);
});

export const substituteDelegateAction = protectedAction("delegate:nominate-own", substitutionSchema, async (actor, input, formData) => {
  let wasConfirmed: boolean;
  try {
    ({ wasConfirmed } = await substituteDelegate(actor, input));
  } catch (error) {
    return refused(error, formValues(formData));
  }
  return done(input.organizationId, "substituted", wasConfirmed);
});

export const withdrawDelegateAction = protectedAction("delegate:nominate-own", delegateRefSchema, async (actor, input) => {
  let wasConfirmed: boolean;
  try {
    ({ wasConfirmed } = await withdrawDelegate(actor, input));
  } catch (error) {
    return refused(error, {});
  }
  return done(input.organizationId, "withdrawn", wasConfirmed);
});
