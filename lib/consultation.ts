import { z } from "zod";
import { CONSULTATION_ANSWERS, CSM_COUNTRIES, ELIGIBILITY_CRITERIA } from "./domain";
import { choiceList, requiredText } from "./text-input";

export const DEFAULT_CONSULTATION_DAYS = 14;
/** A focal point is reminded this many days before the window closes. */
export const CONSULTATION_REMINDER_DAYS = 3;

const applicationId = z.uuid({ error: "invalid" });
const reasons = requiredText(5000);
const comment = z.string().trim().max(5000, { error: "tooLong" }).default("");
/** Criteria ticked before choosing another answer than an objection are not part of it. */
const noCriteria = z
  .array(z.string())
  .default([])
  .transform((): never[] => []);

/**
 * A state's answer: no objection (a comment is optional), an objection naming at least one
 * eligibility criterion and its reasons, or a question for the organization.
 */
export const consultationAnswerSchema = z.discriminatedUnion(
  "answer",
  [
    z.object({ applicationId, answer: z.literal("no_objection"), criteria: noCriteria, reasons: comment }),
    z.object({ applicationId, answer: z.literal("objection"), criteria: choiceList(ELIGIBILITY_CRITERIA, 1), reasons }),
    z.object({ applicationId, answer: z.literal("question"), criteria: noCriteria, reasons }),
  ],
  { error: "required" },
);
export type ConsultationAnswerInput = z.input<typeof consultationAnswerSchema>;

export const consultationAnswerChoice = z.enum(CONSULTATION_ANSWERS, { error: "required" });

/** Why an admin decides before the member states' window has closed: required then, and audited. */
export const earlyCloseReason = requiredText(2000);

/** An admin's deferral to the next meeting: the statute criteria it rests on (at least one) and the reason the organization reads. */
export const deferSchema = z.object({
  applicationId,
  criteria: choiceList(ELIGIBILITY_CRITERIA, 1),
  reason: requiredText(5000),
  earlyCloseReason: z.string().trim().max(2000, { error: "tooLong" }).optional(),
});
export type DeferInput = z.input<typeof deferSchema>;

/** Staff pass one state's question on to the organization. */
export const forwardQuestionSchema = z.object({ applicationId, country: z.enum(CSM_COUNTRIES, { error: "invalid" }) });

/** The organization's answer to a member state's question. */
export const replyToQuestionSchema = z.object({ applicationId, questionId: z.uuid({ error: "invalid" }), reply: requiredText(4000) });
