import { z } from "zod";
import { SECTION_IDS } from "./application-sections";
import { ACCREDITATION_CATEGORIES, CSM_COUNTRIES, ELIGIBILITY_CRITERIA, INVITED_ROLES, LOCALES, STAFF_ROLES } from "./domain";
import { choiceList, emailAddress, requiredText } from "./text-input";

/** Validation shared by the secretariat's server actions (form input) and its data layer (which checks again). */
export const applicationId = z.uuid({ error: "invalid" });
export const text = (max: number) => requiredText(max, "invalid");

export const noteSchema = z.object({ applicationId, message: text(5000) });
const reviewerIdField = z
  .string()
  .trim()
  .max(100, { error: "invalid" })
  .transform((id) => id || null);
/**
 * An empty reviewer unassigns the application. `expectedReviewerId` is the assignee the form was
 * shown with (empty: unassigned): when given, the assignment is refused if it changed since.
 */
export const assignSchema = z.object({
  applicationId,
  reviewerId: reviewerIdField,
  expectedReviewerId: reviewerIdField.optional(),
});
export const requestInfoSchema = z.object({
  applicationId,
  message: text(5000),
  sections: choiceList(SECTION_IDS, 1),
});
export const RECOMMENDATIONS = [...ACCREDITATION_CATEGORIES, "reject"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const recommendSchema = z.object({
  applicationId,
  recommendation: z.enum(RECOMMENDATIONS, { error: "required" }),
  rationale: text(5000),
});
export const decideSchema = z.object({
  applicationId,
  decision: z.enum(RECOMMENDATIONS, { error: "required" }),
  reason: text(5000),
  /** Required by the data layer while the member states' consultation is open. */
  earlyCloseReason: z.string().trim().max(2000, { error: "tooLong" }).optional(),
  /** Required by the data layer when the member states' objections sent the application to the plenary. */
  plenaryReference: z.string().trim().max(500, { error: "tooLong" }).optional(),
});
export const eligibilitySchema = z.object({
  applicationId,
  checks: z
    .array(z.object({ criterion: z.enum(ELIGIBILITY_CRITERIA), met: z.boolean(), note: z.string().trim().max(2000).nullable() }))
    .length(ELIGIBILITY_CRITERIA.length)
    .refine((checks) => new Set(checks.map((check) => check.criterion)).size === ELIGIBILITY_CRITERIA.length),
});

export const staffEmail = emailAddress();
/** Staff, or a member state's focal point, who must name the state (and only then). */
export const inviteStaffSchema = z
  .object({
    email: staffEmail,
    role: z.enum(INVITED_ROLES, { error: "required" }),
    stateCountry: z.string().trim().nullish(),
    locale: z.enum(LOCALES).catch("es"),
  })
  .transform(({ stateCountry, ...rest }) => ({ ...rest, stateCountry: rest.role === "state" ? stateCountry || null : null }))
  .refine((value) => value.role !== "state" || (CSM_COUNTRIES as readonly (string | null)[]).includes(value.stateCountry), {
    error: "Staff.stateRequired",
    path: ["stateCountry"],
  });
export const changeRoleSchema = z.object({ userId: z.string().trim().min(1), role: z.enum(STAFF_ROLES, { error: "required" }) });
