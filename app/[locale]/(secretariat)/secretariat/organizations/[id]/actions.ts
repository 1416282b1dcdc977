"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import {
  changeAccreditationCategory,
  type LifecycleResult,
  reinstateAccreditation,
  revokeAccreditation,
  suspendAccreditation,
} from "@/db/queries/accreditation-lifecycle";
import { type ActionState, protectedAction } from "@/lib/server/action";
import { changeCategorySchema, reinstateSchema, revokeFormSchema, suspendSchema } from "@/lib/accreditation-schemas";
import type { FormValues } from "@/lib/action-state";
import { AppError } from "@/lib/errors";
import { redirect } from "@/lib/i18n/navigation";
import { expirePublicOrganization } from "@/lib/server/public-cache";
import { approveProfileChange, PublishedNameTakenError, refuseProfileChange } from "@/db/queries/profile-changes";
import { approveProfileChangeSchema, refuseProfileChangeSchema } from "@/lib/profile-change-schemas";

/**
 * Runs one lifecycle change; on success the public register forgets the organization's cached
 * pages and the page is shown again in its new state. Someone else's earlier change is told apart
 * from other errors, which protectedAction translates.
 */
async function applyAndShow(change: () => Promise<LifecycleResult>, values: FormValues): Promise<ActionState> {
  let result: LifecycleResult;
  try {
    result = await change();
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      const t = await getTranslations("OrganizationAccreditation");
      return { status: "error", message: t("conflict"), values };
    }
    throw error;
  }
  expirePublicOrganization(result.organizationId);
  revalidatePath("/[locale]/secretariat", "layout");
  return redirect({
    href: { pathname: `/secretariat/organizations/${result.organizationId}`, query: { done: result.event } },
    locale: await getLocale(),
  });
}

export const suspendAccreditationAction = protectedAction("accreditation:manage", suspendSchema, (actor, input) =>
  applyAndShow(() => suspendAccreditation(actor, input), { reason: input.reason }),
);

export const reinstateAccreditationAction = protectedAction("accreditation:manage", reinstateSchema, (actor, input) =>
  applyAndShow(() => reinstateAccreditation(actor, input), { reason: input.reason ?? "" }),
);

export const revokeAccreditationAction = protectedAction("accreditation:manage", revokeFormSchema, (actor, { confirm: _confirm, ...input }) =>
  applyAndShow(() => revokeAccreditation(actor, input), { reason: input.reason }),
);

export const changeAccreditationCategoryAction = protectedAction("accreditation:manage", changeCategorySchema, (actor, input) =>
  applyAndShow(() => changeAccreditationCategory(actor, input), { reason: input.reason }),
);

/** Publishes or refuses an organization's pending public-entry change, on the revision the reviewer read. */
async function decideProfileChange(
  organizationId: string,
  decide: () => Promise<unknown>,
  done: "profile_approved" | "profile_refused",
  values: FormValues,
): Promise<ActionState> {
  try {
    await decide();
  } catch (error) {
    if (error instanceof PublishedNameTakenError || (error instanceof AppError && error.code === "conflict")) {
      const t = await getTranslations("ProfileChange");
      return { status: "error", message: t(error instanceof PublishedNameTakenError ? "nameTaken" : "conflict"), values };
    }
    throw error;
  }
  if (done === "profile_approved") expirePublicOrganization(organizationId);
  revalidatePath("/[locale]/secretariat", "layout");
  return redirect({ href: { pathname: `/secretariat/organizations/${organizationId}`, query: { done } }, locale: await getLocale() });
}

export const approveProfileChangeAction = protectedAction("organization:review-changes", approveProfileChangeSchema, (actor, input) =>
  decideProfileChange(input.organizationId, () => approveProfileChange(actor, input), "profile_approved", {}),
);

export const refuseProfileChangeAction = protectedAction("organization:review-changes", refuseProfileChangeSchema, (actor, input) =>
  decideProfileChange(input.organizationId, () => refuseProfileChange(actor, input), "profile_refused", { reason: input.reason }),
);
