import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import { forwardQuestionSchema, replyToQuestionSchema } from "@/lib/consultation";
import type { CountryCode } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/env";
import { translator } from "@/lib/i18n/messages";
import { getDb, type Executor } from "../client";
import { applicationHistory, applications, consultationAnswers, consultationQuestions } from "../schema";
import { organizationName } from "./application-organization";
import { recordAudit } from "./audit";
import { notifyOrganizationMembers, portalUrl } from "./notifications";
import { queueNotices } from "./outbox";
import { isUuid, lockOwnApplication, memberScope } from "./own-application-access";
import { staffNotices } from "./staff-notices";

/** A forwarded question as the secretariat and the asking state see it; the organization sees it without the state. */
export type ForwardedQuestion = {
  id: string;
  country: CountryCode;
  question: string;
  forwardedAt: Date;
  reply: string | null;
  repliedAt: Date | null;
};

const columns = {
  id: consultationQuestions.id,
  country: consultationQuestions.country,
  question: consultationQuestions.question,
  forwardedAt: consultationQuestions.forwardedAt,
  reply: consultationQuestions.reply,
  repliedAt: consultationQuestions.repliedAt,
};

async function questionsOf(executor: Executor, applicationId: string): Promise<ForwardedQuestion[]> {
  const rows = await executor
    .select(columns)
    .from(consultationQuestions)
    .where(eq(consultationQuestions.applicationId, applicationId))
    .orderBy(asc(consultationQuestions.forwardedAt));
  return rows.map((row) => ({ ...row, country: row.country as CountryCode }));
}

/** The questions the secretariat passed on for an application, with the organization's answers. */
export async function forwardedQuestions(actor: Actor | null, applicationId: string): Promise<ForwardedQuestion[]> {
  assertCan(actor, "application:read-any");
  return questionsOf(await getDb(), applicationId);
}

/** A member state's focal point: the questions passed on, those of their own state until the consultation closes. */
export async function forwardedQuestionsForState(actor: Actor | null, applicationId: string, open: boolean): Promise<ForwardedQuestion[]> {
  assertCan(actor, "consultation:answer");
  const questions = await questionsOf(await getDb(), applicationId);
  return open ? questions.filter((question) => question.country === actor.stateCountry) : questions;
}

/** The organization's own application: the member states' questions, without saying which state asked. */
export async function questionsForOrganization(actor: Actor | null, applicationId: string): Promise<Omit<ForwardedQuestion, "country">[]> {
  assertCan(actor, "application:read-own");
  if (!isUuid(applicationId)) return [];
  const db = await getDb();
  return db
    .select({
      id: consultationQuestions.id,
      question: consultationQuestions.question,
      forwardedAt: consultationQuestions.forwardedAt,
      reply: consultationQuestions.reply,
      repliedAt: consultationQuestions.repliedAt,
    })
    .from(consultationQuestions)
    .innerJoin(applications, eq(applications.id, consultationQuestions.applicationId))
    .where(and(eq(consultationQuestions.applicationId, applicationId), memberScope(actor)))
    .orderBy(asc(consultationQuestions.forwardedAt));
}

/**
 * Staff pass a state's question on to the organization: once per state and application (a second
 * attempt is a conflict), with its history row (the organization's timeline) and an e-mail to each
 * member in their language, all in one transaction. The organization is not told which state asked.
 */
export async function forwardQuestion(actor: Actor | null, input: { applicationId: string; country: string }): Promise<void> {
  assertCan(actor, "application:request-info");
  const parsed = forwardQuestionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { applicationId, country } = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [asked] = await tx
      .select({ question: consultationAnswers.reasons, organizationId: applications.organizationId })
      .from(consultationAnswers)
      .innerJoin(applications, eq(applications.id, consultationAnswers.applicationId))
      .where(and(eq(consultationAnswers.applicationId, applicationId), eq(consultationAnswers.country, country), eq(consultationAnswers.answer, "question")))
      .for("share", { of: consultationAnswers });
    if (!asked?.question) throw new AppError("not_found");
    const inserted = await tx
      .insert(consultationQuestions)
      .values({ applicationId, country, question: asked.question, forwardedById: actor.id })
      .onConflictDoNothing()
      .returning({ id: consultationQuestions.id });
    if (inserted.length === 0) throw new AppError("conflict", "already forwarded");
    const [history] = await tx
      .insert(applicationHistory)
      .values({
        applicationId,
        actorId: actor.id,
        kind: "message",
        visibleToApplicant: true,
        message: asked.question,
        data: { consultationQuestion: inserted[0]!.id },
      })
      .returning({ id: applicationHistory.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.forward_question",
      targetType: "application",
      targetId: applicationId,
      data: { country },
    });
    const organization = await organizationName(tx, applicationId);
    await notifyOrganizationMembers(tx, asked.organizationId, { kind: "state-question", event: history!.id }, (locale) => {
      const t = translator(locale, "QuestionEmail");
      return {
        subject: t("subject"),
        text: `${t("body", { organization })}\n\n${asked.question}\n\n${t("action")}\n${portalUrl(`/${locale}/applicant/applications/${applicationId}`)}`,
      };
    });
  });
}

/**
 * A member of the organization answers a question passed on to it: once (a second answer is a
 * conflict), with its history row; the review team is told by e-mail, as for an information request.
 */
export async function replyToQuestion(actor: Actor | null, input: { applicationId: string; questionId: string; reply: string }): Promise<void> {
  assertCan(actor, "application:respond-own");
  const parsed = replyToQuestionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { applicationId, questionId, reply } = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockOwnApplication(tx, actor, applicationId);
    const answered = await tx
      .update(consultationQuestions)
      .set({ reply, repliedById: actor.id, repliedAt: new Date() })
      .where(and(eq(consultationQuestions.id, questionId), eq(consultationQuestions.applicationId, applicationId), isNull(consultationQuestions.reply)))
      .returning({ id: consultationQuestions.id });
    if (answered.length === 0) {
      const [exists] = await tx
        .select({ id: consultationQuestions.id })
        .from(consultationQuestions)
        .where(and(eq(consultationQuestions.id, questionId), eq(consultationQuestions.applicationId, applicationId)));
      throw new AppError(exists ? "conflict" : "not_found");
    }
    const [history] = await tx
      .insert(applicationHistory)
      .values({ applicationId, actorId: actor.id, kind: "message", visibleToApplicant: true, message: reply, data: { consultationQuestionReply: questionId } })
      .returning({ id: applicationHistory.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "consultation.reply_question",
      targetType: "application",
      targetId: applicationId,
      data: { questionId },
    });
    await queueNotices(tx, await staffNotices(tx, { kind: "answered", applicationId, historyId: history!.id, answer: reply }, publicOrigin()));
  });
}
