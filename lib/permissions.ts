import type { Role } from "./domain";

/** Every operation a signed-in user may attempt; the map below is the only place that grants them. */
export const OPERATIONS = [
  "account:manage-own",
  "organization:manage-own",
  "application:edit-own",
  "application:submit-own",
  "application:withdraw-own",
  "application:respond-own",
  "application:read-own",
  "delegate:nominate-own",
  "delegate:letters-own",
  "secretariat:access",
  "staff-notices:manage-own",
  "application:read-any",
  "application:assign",
  "application:start-review",
  "application:note",
  "application:request-info",
  "application:recommend",
  "organization:review-changes",
  "application:decide",
  "accreditation:manage",
  "meeting:manage",
  "delegate:confirm",
  "credential:issue",
  "attendance:record",
  "attendance:read",
  "staff:manage",
  "audit:read",
  "export:read",
  "delivery:manage",
  "design-system:read",
  "consultation:answer",
  "document:share",
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Everyone's own account: download what the portal holds about them, erase it. */
const everyone: Operation[] = ["account:manage-own"];

const applicant: Operation[] = [
  ...everyone,
  "organization:manage-own",
  "application:edit-own",
  "application:submit-own",
  "application:withdraw-own",
  "application:respond-own",
  "application:read-own",
  "delegate:nominate-own",
  "delegate:letters-own",
];

const reviewer: Operation[] = [
  ...everyone,
  "secretariat:access",
  "staff-notices:manage-own",
  "application:read-any",
  "application:assign",
  "application:start-review",
  "application:note",
  "application:request-info",
  "application:recommend",
  "document:share",
  "organization:review-changes",
  "delegate:confirm",
  "credential:issue",
  "attendance:record",
  "attendance:read",
  "export:read",
];

const admin: Operation[] = [
  ...reviewer,
  "application:decide",
  "accreditation:manage",
  "meeting:manage",
  "staff:manage",
  "audit:read",
  "delivery:manage",
  "design-system:read",
];

/** A member state's focal point: the consultations, answered for their state; nothing of the secretariat. */
const state: Operation[] = [...everyone, "consultation:answer"];

export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Operation>>> = {
  applicant: new Set(applicant),
  reviewer: new Set(reviewer),
  admin: new Set(admin),
  state: new Set(state),
};

export function can(role: Role | null | undefined, operation: Operation): boolean {
  return role ? PERMISSIONS[role].has(operation) : false;
}
