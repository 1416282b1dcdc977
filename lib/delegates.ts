import { z } from "zod";
import { AppError } from "./errors";
import { DELEGATE_STATUSES, type DelegateStatus } from "./domain";
import { hasVisibleCharacter, singleLineText } from "./text-input";

const text = (max: number) => z.string().trim().max(max, { error: "tooLong" });
const required = (max: number) => singleLineText(max);
/** Blanks and invisible characters alone count as nothing. */
const optional = (max: number) =>
  z
    .union([z.null(), text(max)])
    .optional()
    .transform((value) => (value && hasVisibleCharacter(value) ? value : null));
const id = z.string().trim().uuid({ error: "invalid" });

/** What the organization tells the secretariat about one delegate. */
export const delegateDetailsSchema = z.object({
  name: required(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, { error: "required" })
    .max(254, { error: "tooLong" })
    .pipe(z.email({ error: "email" })),
  roleInOrganization: required(200),
  nationality: required(100),
  accessibilityNeeds: optional(1000),
  // A checkbox: present ("on") when ticked, absent otherwise.
  needsVisaLetter: z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((value) => value === "on" || value === "true" || value === true),
  // Empty: the organization itself; else a registered member of the coalition nominating.
  memberOrganizationId: z
    .union([z.null(), z.literal(""), id])
    .optional()
    .transform((value) => value || null),
});
export type DelegateDetails = z.output<typeof delegateDetailsSchema>;
export type DelegateDetailsInput = z.input<typeof delegateDetailsSchema>;

export const nominationSchema = delegateDetailsSchema.extend({ organizationId: id, meetingId: id });
export const delegateRefSchema = z.object({ organizationId: id, delegateId: id });
export const editSchema = delegateDetailsSchema.extend({ organizationId: id, delegateId: id });
export const substitutionSchema = delegateDetailsSchema.extend({ organizationId: id, delegateId: id });

/** A nomination as both the organization's and the secretariat's lists show it. */
export type DelegateView = {
  id: string;
  name: string;
  email: string;
  roleInOrganization: string | null;
  nationality: string | null;
  accessibilityNeeds: string | null;
  needsVisaLetter: boolean;
  status: DelegateStatus;
  decisionReason: string | null;
};

export const DELEGATE_DECISIONS = ["confirm", "decline"] as const;
export type DelegateDecision = (typeof DELEGATE_DECISIONS)[number];

/** A decline needs a reason the organization can act on; a confirmation may carry a note. */
export const decisionSchema = z
  .object({ delegateId: id, decision: z.enum(DELEGATE_DECISIONS, { error: "required" }), reason: optional(1000) })
  .refine((input) => input.decision === "confirm" || input.reason !== null, { path: ["reason"], error: "required" });

export const delegateFiltersSchema = z.object({
  status: z.enum(DELEGATE_STATUSES).optional().catch(undefined),
  country: z
    .string()
    .trim()
    .max(20)
    .optional()
    .catch(undefined)
    .transform((value) => value || undefined),
  organizationId: z.string().uuid().optional().catch(undefined),
});
export type DelegateFilters = z.output<typeof delegateFiltersSchema>;

export const DELEGATE_REFUSALS = ["not_accredited", "closed", "quota_full", "duplicate_email", "not_coalition_member", "not_live"] as const;
export type DelegateRefusalReason = (typeof DELEGATE_REFUSALS)[number];

/** An expected refusal of a nomination change; the UI shows `Delegates.refusal.<reason>`. */
export class DelegateRefusal extends AppError {
  constructor(readonly reason: DelegateRefusalReason) {
    super("conflict", reason);
    this.name = "DelegateRefusal";
  }
}
