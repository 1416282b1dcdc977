export const CSM_COUNTRIES = ["AR", "BO", "BR", "CL", "CO", "EC", "GY", "PY", "PE", "SR", "UY", "VE"] as const;
export type CountryCode = (typeof CSM_COUNTRIES)[number];

export const LOCALES = ["es", "pt", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "es";

/** "state": a member state's focal point, who answers the consultation before each decision. */
export const ROLES = ["applicant", "reviewer", "admin", "state"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ["reviewer", "admin"] as const satisfies readonly Role[];
/** The accounts an administrator invites: staff, and the member states' focal points. */
export const INVITED_ROLES = [...STAFF_ROLES, "state"] as const satisfies readonly Role[];

export const ORGANIZATION_TYPES = ["ngo", "faith_based", "academic", "network", "grassroots", "other"] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const THEMES = [
  "asylum",
  "labour",
  "trafficking",
  "children",
  "gender",
  "climate",
  "integration",
  "detention",
  "regularization",
  "health",
  "education",
  "other",
] as const;
export type Theme = (typeof THEMES)[number];

export const APPLICATION_STATUSES = [
  "draft",
  "submitted",
  "in_review",
  "info_requested",
  "in_consultation",
  "recommended",
  "deferred",
  "accredited_participant",
  "accredited_observer",
  "rejected",
  "withdrawn",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A member state's answer in a consultation: at most one per state and application. */
export const CONSULTATION_ANSWERS = ["no_objection", "objection", "question"] as const;
export type ConsultationAnswer = (typeof CONSULTATION_ANSWERS)[number];

export const ACCREDITATION_CATEGORIES = ["participant", "observer"] as const;
export type AccreditationCategory = (typeof ACCREDITATION_CATEGORIES)[number];

export const ACCREDITATION_STATUSES = ["active", "suspended", "revoked"] as const;
export type AccreditationStatus = (typeof ACCREDITATION_STATUSES)[number];

/** What happens to an accreditation, as its public history shows it. */
export const ACCREDITATION_EVENTS = ["granted", "suspended", "reinstated", "revoked", "category_changed"] as const;
export type AccreditationEvent = (typeof ACCREDITATION_EVENTS)[number];

export const DOCUMENT_KINDS = ["statute", "registration_proof", "activity_report", "motivation_letter", "mandate_letter", "financial_statement"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const ELIGIBILITY_CRITERIA = [
  "non_profit",
  "works_on_migration",
  "operates_in_csm_state",
  "two_years_activity",
  "funding_disclosed",
  "independent",
] as const;
export type EligibilityCriterion = (typeof ELIGIBILITY_CRITERIA)[number];

/** "withdrawn": taken back or substituted by the organization before the nomination deadline. */
export const DELEGATE_STATUSES = ["nominated", "confirmed", "declined", "withdrawn"] as const;
export type DelegateStatus = (typeof DELEGATE_STATUSES)[number];
