import "server-only";
import { and, asc, eq, gt, isNotNull, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { deferSchema, type DeferInput } from "@/lib/consultation";
import type { EligibilityCriterion } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { getDb, type Transaction } from "../client";
import { applicationDeferrals, applications, meetings } from "../schema";
import { organizationName } from "./application-organization";
import { closeForDecision } from "./consultations";
import { notifyOrganizationMembers, portalUrl } from "./notifications";
import { applyTransition } from "./transitions";

export type Deferral = { at: Date; criteria: EligibilityCriterion[]; reason: string; toMeeting: string | null };

/** A deferral citing a criterion an earlier deferral of the application already cited: the form names which, and when. */
export class RepeatedQuestionError extends AppError {
  constructor(
    readonly criterion: EligibilityCriterion,
    readonly askedAt: Date,
  ) {
    super("conflict", `already deferred over ${criterion}`);
    this.name = "RepeatedQuestionError";
  }
}

/** The application's deferrals, oldest first. */
export async function deferralsOf(actor: Actor | null, applicationId: string): Promise<Deferral[]> {
  assertCan(actor, "application:read-any");
  const db = await getDb();
  return db
    .select({ at: applicationDeferrals.createdAt, criteria: applicationDeferrals.criteria, reason: applicationDeferrals.reason, toMeeting: meetings.number })
    .from(applicationDeferrals)
    .leftJoin(meetings, eq(meetings.id, applicationDeferrals.toMeetingId))
    .where(eq(applicationDeferrals.applicationId, applicationId))
    .orderBy(asc(applicationDeferrals.createdAt));
}

/** The meeting after the application's own (the next to start), or none yet scheduled. */
async function nextMeeting(tx: Transaction, applicationId: string): Promise<{ id: string; number: string } | null> {
  const [current] = await tx
    .select({ startsOn: meetings.startsOn })
    .from(applications)
    .innerJoin(meetings, eq(meetings.id, applications.meetingId))
    .where(eq(applications.id, applicationId));
  const [next] = await tx
    .select({ id: meetings.id, number: meetings.number })
    .from(meetings)
    .where(and(isNotNull(meetings.startsOn), current?.startsOn ? gt(meetings.startsOn, current.startsOn) : sql`${meetings.startsOn} > current_date`))
    .orderBy(asc(meetings.startsOn))
    .limit(1);
  return next ?? null;
}

/**
 * An admin's deferral instead of a decision: the application moves to the next meeting (deferred),
 * citing statute criteria and a reason the organization's members are told in their languages;
 * a criterion an earlier deferral already cited is refused (the same question is not asked twice).
 * An open consultation of the member states closes with it, as with a decision.
 */
export async function deferApplication(actor: Actor | null, input: DeferInput): Promise<{ organizationId: string; toMeeting: string | null }> {
  assertCan(actor, "application:decide");
  const parsed = deferSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { applicationId, criteria, reason, earlyCloseReason } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const now = new Date();
    await closeForDecision(tx, actor, applicationId, { earlyCloseReason }, now, { deciding: false });
    const earlier = await tx
      .select({ criteria: applicationDeferrals.criteria, at: applicationDeferrals.createdAt })
      .from(applicationDeferrals)
      .where(eq(applicationDeferrals.applicationId, applicationId))
      .orderBy(asc(applicationDeferrals.createdAt));
    for (const deferral of earlier) {
      const repeated = criteria.find((criterion) => deferral.criteria.includes(criterion));
      if (repeated) throw new RepeatedQuestionError(repeated, deferral.at);
    }
    const [from] = await tx.select({ meetingId: applications.meetingId }).from(applications).where(eq(applications.id, applicationId));
    const next = await nextMeeting(tx, applicationId);
    const transition = await applyTransition(tx, actor, {
      applicationId,
      transition: "defer",
      set: next ? { meetingId: next.id } : {},
      message: reason,
      data: { criteria, toMeeting: next?.number ?? null },
    });
    await tx
      .insert(applicationDeferrals)
      .values({ applicationId, fromMeetingId: from?.meetingId ?? null, toMeetingId: next?.id ?? null, criteria, reason, actorId: actor.id, createdAt: now });
    const organization = await organizationName(tx, applicationId);
    await notifyOrganizationMembers(tx, transition.organizationId, { kind: "deferral", event: transition.historyId }, (locale) => {
      const t = translator(locale, "DeferralEmail");
      const criterion = translator(locale, "SecretariatLabels.criterion");
      return {
        subject: t("subject"),
        text: [
          t("body", { organization }),
          `${t("criteria")}\n${criteria.map((code) => `- ${criterion(code)}`).join("\n")}`,
          `${t("reason")}\n${reason}`,
          `${t("action")}\n${portalUrl(`/${locale}/applicant/applications/${applicationId}`)}`,
        ].join("\n\n"),
      };
    });
    return { organizationId: transition.organizationId, toMeeting: next?.number ?? null };
  });
}
