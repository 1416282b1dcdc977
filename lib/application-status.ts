import type { ApplicationStatus, Role } from "./domain";

export const TRANSITIONS = [
  "submit",
  "start_review",
  "request_info",
  "respond",
  "recommend",
  "close_consultation",
  "defer",
  "decide_participant",
  "decide_observer",
  "decide_reject",
  "withdraw",
] as const;
export type Transition = (typeof TRANSITIONS)[number];

type Rule = { from: readonly ApplicationStatus[]; to: ApplicationStatus; roles: readonly Role[] };

/** Submitted, neither decided nor withdrawn: the secretariat still owes the organization an answer. */
export const OPEN_STATUSES = [
  "submitted",
  "in_review",
  "info_requested",
  "in_consultation",
  "recommended",
  "deferred",
] as const satisfies readonly ApplicationStatus[];
/** Awaiting the decision after the recommendation: what the public list of pending applications shows. */
export const PENDING_DECISION_STATUSES = ["in_consultation", "recommended", "deferred"] as const satisfies readonly ApplicationStatus[];
export const DECIDED_STATUSES = ["accredited_participant", "accredited_observer", "rejected"] as const satisfies readonly ApplicationStatus[];

/** Not open: a draft, or an application that has ended. Partial indexes name these, so a new open status needs no new index. */
export const NOT_OPEN_STATUSES = ["draft", ...DECIDED_STATUSES, "withdrawn"] as const satisfies readonly ApplicationStatus[];

const BEFORE_DECISION = ["draft", ...OPEN_STATUSES] as const;
/** A decision (or a deferral to the next meeting) closes the member states' consultation (early only with a stated reason) or follows it. */
const DECIDABLE = PENDING_DECISION_STATUSES;

/** The accreditation pipeline of PRODUCT.md: who may move an application, from where, to where. */
export const PIPELINE: Readonly<Record<Transition, Rule>> = {
  submit: { from: ["draft"], to: "submitted", roles: ["applicant"] },
  start_review: { from: ["submitted"], to: "in_review", roles: ["reviewer", "admin"] },
  request_info: { from: ["in_review"], to: "info_requested", roles: ["reviewer", "admin"] },
  respond: { from: ["info_requested"], to: "in_review", roles: ["applicant"] },
  recommend: { from: ["in_review"], to: "in_consultation", roles: ["reviewer", "admin"] },
  // The scheduler's, when the member states' window has passed (db/queries/consultations.ts); no user's.
  close_consultation: { from: ["in_consultation"], to: "recommended", roles: [] },
  defer: { from: DECIDABLE, to: "deferred", roles: ["admin"] },
  decide_participant: { from: DECIDABLE, to: "accredited_participant", roles: ["admin"] },
  decide_observer: { from: DECIDABLE, to: "accredited_observer", roles: ["admin"] },
  decide_reject: { from: DECIDABLE, to: "rejected", roles: ["admin"] },
  withdraw: { from: BEFORE_DECISION, to: "withdrawn", roles: ["applicant"] },
};

export function canTransition(role: Role, transition: Transition, from: ApplicationStatus): boolean {
  const rule = PIPELINE[transition];
  return rule.roles.includes(role) && rule.from.includes(from);
}

export function targetStatus(transition: Transition): ApplicationStatus {
  return PIPELINE[transition].to;
}

export function isDecided(status: ApplicationStatus): boolean {
  return (DECIDED_STATUSES as readonly ApplicationStatus[]).includes(status);
}

export function isOpen(status: ApplicationStatus): boolean {
  return (OPEN_STATUSES as readonly ApplicationStatus[]).includes(status);
}
