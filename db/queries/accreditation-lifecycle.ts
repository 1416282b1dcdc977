import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { changeCategorySchema, reinstateSchema, revokeSchema, suspendSchema } from "@/lib/accreditation-schemas";
import { type Actor, assertCan } from "@/lib/actor";
import type { AccreditationCategory, AccreditationEvent, AccreditationStatus, Locale } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { getDb, type Transaction } from "../client";
import { accreditationHistory, accreditations, organizations } from "../schema";
import { recordAudit } from "./audit";
import { notifyOrganizationMembers, portalUrl } from "./notifications";

export type LifecycleEvent = Exclude<AccreditationEvent, "granted">;
export type LifecycleResult = {
  organizationId: string;
  status: AccreditationStatus;
  category: AccreditationCategory;
  event: LifecycleEvent;
};

type Change = {
  event: LifecycleEvent;
  organizationId: string;
  /** The statuses the accreditation may be in for this change; anything else is a conflict. */
  from: AccreditationStatus[];
  /** Only for a category change: the category it must have now. */
  fromCategory?: AccreditationCategory;
  to: { status: AccreditationStatus; category?: AccreditationCategory };
  reason: string | null;
};

/**
 * One lifecycle change in one transaction: the UPDATE only matches an accreditation in an expected
 * state, so of two admins acting at once exactly one changes it; the other gets a conflict and
 * nothing is written. The history row (its reason is public) and the audit row commit with it.
 */
async function applyChange(actor: Actor, change: Change): Promise<LifecycleResult> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const now = new Date();
    const [updated] = await tx
      .update(accreditations)
      .set({
        status: change.to.status,
        ...(change.to.category ? { category: change.to.category } : {}),
        // The accreditation's reason is the one the public page shows next to a suspension.
        reason: change.to.status === "active" ? null : change.reason,
        updatedAt: now,
      })
      .where(
        and(
          eq(accreditations.organizationId, change.organizationId),
          inArray(accreditations.status, change.from),
          change.fromCategory ? eq(accreditations.category, change.fromCategory) : undefined,
        ),
      )
      .returning({ id: accreditations.id, status: accreditations.status, category: accreditations.category });
    if (!updated) {
      const [existing] = await tx.select({ id: accreditations.id }).from(accreditations).where(eq(accreditations.organizationId, change.organizationId));
      throw new AppError(existing ? "conflict" : "not_found");
    }
    const [history] = await tx
      .insert(accreditationHistory)
      .values({
        accreditationId: updated.id,
        event: change.event,
        category: updated.category,
        reason: change.reason,
        actorId: actor.id,
        createdAt: now,
      })
      .returning({ id: accreditationHistory.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `accreditation.${change.event}`,
      targetType: "organization",
      targetId: change.organizationId,
      data: {
        accreditationId: updated.id,
        previousStatus: change.from.length === 1 ? change.from[0] : null,
        status: updated.status,
        previousCategory: change.fromCategory ?? updated.category,
        category: updated.category,
        reason: change.reason,
      },
    });
    const outcome = { organizationId: change.organizationId, status: updated.status, category: updated.category, event: change.event };
    await notifyMembers(tx, outcome, change.reason, history!.id);
    return outcome;
  });
  return result;
}

async function notifyMembers(tx: Transaction, outcome: LifecycleResult, reason: string | null, historyId: string): Promise<void> {
  const [organization] = await tx
    .select({ legalName: organizations.legalName, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, outcome.organizationId));
  if (!organization) return;
  await notifyOrganizationMembers(tx, outcome.organizationId, { kind: `accreditation-${outcome.event}`, event: historyId }, (locale: Locale) => {
    const t = translator(locale, "AccreditationEmail");
    const category = translator(locale, "Category")(outcome.category);
    const link =
      outcome.status === "revoked"
        ? `${t("applicantArea")}\n${portalUrl(`/${locale}/applicant`)}`
        : `${t("publicPage")}\n${portalUrl(`/${locale}/register/${organization.slug}`)}`;
    const lines = [
      t(`${outcome.event}.body`, { organization: organization.legalName, category: category.toLowerCase() }),
      reason ? `${t("reason")}\n${reason}` : null,
      link,
    ];
    return {
      subject: t(`${outcome.event}.subject`, { organization: organization.legalName }),
      text: lines.filter(Boolean).join("\n\n"),
    };
  });
}

/** active → suspended, with a reason the public page shows. The caller expires the public cache. */
export async function suspendAccreditation(actor: Actor | null, input: { organizationId: string; reason: string }) {
  assertCan(actor, "accreditation:manage");
  const parsed = suspendSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { organizationId, reason } = parsed.data;
  return applyChange(actor, { event: "suspended", organizationId, from: ["active"], to: { status: "suspended" }, reason });
}

/** suspended → active; the reason is optional. */
export async function reinstateAccreditation(actor: Actor | null, input: { organizationId: string; reason?: string | null }) {
  assertCan(actor, "accreditation:manage");
  const parsed = reinstateSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { organizationId, reason } = parsed.data;
  return applyChange(actor, { event: "reinstated", organizationId, from: ["suspended"], to: { status: "active" }, reason });
}

/** active or suspended (the one the admin saw) → revoked: the organization leaves the public register. */
export async function revokeAccreditation(actor: Actor | null, input: { organizationId: string; reason: string; expectedStatus: "active" | "suspended" }) {
  assertCan(actor, "accreditation:manage");
  const parsed = revokeSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { organizationId, reason, expectedStatus } = parsed.data;
  return applyChange(actor, { event: "revoked", organizationId, from: [expectedStatus], to: { status: "revoked" }, reason });
}

/** participant ↔ observer, only while the accreditation is active. */
export async function changeAccreditationCategory(actor: Actor | null, input: { organizationId: string; category: AccreditationCategory; reason: string }) {
  assertCan(actor, "accreditation:manage");
  const parsed = changeCategorySchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { organizationId, category, reason } = parsed.data;
  return applyChange(actor, {
    event: "category_changed",
    organizationId,
    from: ["active"],
    fromCategory: category === "participant" ? "observer" : "participant",
    to: { status: "active", category },
    reason,
  });
}
