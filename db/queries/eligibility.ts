import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import type { ApplicationStatus, EligibilityCriterion } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { eligibilitySchema } from "@/lib/review-schemas";
import { getDb, rowsOf } from "../client";
import { applications, eligibilityChecks } from "../schema";
import { recordAudit } from "./audit";

/** The checklist is worked while the application is under review. */
export const ELIGIBILITY_STATUSES: ApplicationStatus[] = ["in_review", "info_requested"];

export type EligibilityInput = {
  applicationId: string;
  checks: { criterion: EligibilityCriterion; met: boolean; note: string | null }[];
};

/** Saves the whole checklist (every criterion, met or not, with its note) in one transaction. */
export async function saveEligibilityChecklist(actor: Actor | null, input: EligibilityInput): Promise<void> {
  // Ticking the checklist is part of preparing a recommendation.
  assertCan(actor, "application:recommend");
  const parsed = eligibilitySchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { applicationId, checks } = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [application] = rowsOf<{ status: ApplicationStatus }>(
      await tx.execute(
        sql`select ${applications.status} as status from ${applications}
            where ${and(eq(applications.id, applicationId), ne(applications.status, "draft"))} for update`,
      ),
    );
    if (!application) throw new AppError("not_found");
    if (!ELIGIBILITY_STATUSES.includes(application.status)) throw new AppError("conflict", "not under review");
    const now = new Date();
    await tx
      .insert(eligibilityChecks)
      .values(checks.map((check) => ({ applicationId, ...check, note: check.note || null, checkedById: actor.id, checkedAt: now })))
      .onConflictDoUpdate({
        target: [eligibilityChecks.applicationId, eligibilityChecks.criterion],
        set: {
          met: sql`excluded.met`,
          note: sql`excluded.note`,
          checkedById: sql`excluded.checked_by_id`,
          checkedAt: sql`excluded.checked_at`,
        },
      });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "application.eligibility",
      targetType: "application",
      targetId: applicationId,
      data: { met: checks.filter((check) => check.met).map((check) => check.criterion) },
    });
  });
}
