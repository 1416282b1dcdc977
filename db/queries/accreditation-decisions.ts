import "server-only";
import { type Actor, assertCan } from "@/lib/actor";
import type { Transition } from "@/lib/application-status";
import type { AccreditationEvent, ApplicationStatus } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { decideSchema, type Recommendation } from "@/lib/review-schemas";
import { getDb } from "../client";
import { accreditationHistory, accreditations } from "../schema";
import { publishPendingChange } from "./profile-changes";
import { notifyOrganizationMembers, portalUrl } from "./notifications";
import { closeForDecision } from "./consultations";
import { applyTransition } from "./transitions";

const TRANSITION_OF: Record<Recommendation, Transition> = {
  participant: "decide_participant",
  observer: "decide_observer",
  reject: "decide_reject",
};

export type DecisionResult = { applicationId: string; organizationId: string; status: ApplicationStatus };

/**
 * in_consultation or recommended → accredited_participant / accredited_observer / rejected, by an admin, with a
 * reason the applicant sees. An accreditation is created or updated (one per organization) with
 * its history row in the same transaction; a rejection leaves an existing accreditation as it is.
 * The caller expires the public register's cache for the organization once this returns.
 */
export async function decideApplication(
  actor: Actor | null,
  input: { applicationId: string; decision: Recommendation; reason: string; earlyCloseReason?: string; plenaryReference?: string },
): Promise<DecisionResult> {
  assertCan(actor, "application:decide");
  const parsed = decideSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { applicationId, decision, reason, earlyCloseReason, plenaryReference } = parsed.data;
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const now = new Date();
    await closeForDecision(tx, actor, applicationId, { earlyCloseReason, plenaryReference }, now, { deciding: true });
    const transition = await applyTransition(tx, actor, {
      applicationId,
      transition: TRANSITION_OF[decision],
      set: { decisionReason: reason, decidedAt: now },
      message: reason,
    });
    if (decision !== "reject") {
      const [accreditation] = await tx
        .insert(accreditations)
        .values({
          organizationId: transition.organizationId,
          category: decision,
          status: "active",
          applicationId,
          grantedAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: accreditations.organizationId,
          set: { category: decision, status: "active", reason: null, applicationId, grantedAt: now, updatedAt: now },
        })
        .returning({ id: accreditations.id });
      await tx.insert(accreditationHistory).values({
        accreditationId: accreditation!.id,
        event: "granted" satisfies AccreditationEvent,
        category: decision,
        // The decision's reason is addressed to the applicant; the public history shows none for a grant.
        reason: null,
        actorId: actor.id,
        createdAt: now,
      });
      await publishPendingChange(tx, actor.id, transition.organizationId);
    }
    await notifyOrganizationMembers(tx, transition.organizationId, { kind: "decision", event: transition.historyId }, (locale) => {
      const t = translator(locale, "SecretariatEmail.decided");
      return {
        subject: t("subject"),
        text: `${t(decision)}\n\n${t("reason")}\n${reason}\n\n${portalUrl(`/${locale}/applicant`)}`,
      };
    });
    return transition;
  });
  return { applicationId, organizationId: result.organizationId, status: result.to };
}
