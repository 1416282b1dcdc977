import { describe, expect, it } from "vitest";
import { can, OPERATIONS, PERMISSIONS } from "@/lib/permissions";

const STAFF_ONLY = [
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
] as const;
const ADMIN_ONLY = ["application:decide", "accreditation:manage", "meeting:manage", "staff:manage", "audit:read"] as const;

describe("permissions", () => {
  it("keep applicants out of the secretariat", () => {
    for (const operation of STAFF_ONLY) expect(can("applicant", operation), operation).toBe(false);
  });

  it("let applicants work on their own organization", () => {
    expect(can("applicant", "application:submit-own")).toBe(true);
    expect(can("applicant", "application:withdraw-own")).toBe(true);
    expect(can("applicant", "delegate:nominate-own")).toBe(true);
    expect(can("applicant", "delegate:letters-own")).toBe(true);
  });

  it("let reviewers review but not decide or manage staff", () => {
    expect(can("reviewer", "secretariat:access")).toBe(true);
    expect(can("reviewer", "application:recommend")).toBe(true);
    for (const operation of ADMIN_ONLY) expect(can("reviewer", operation), operation).toBe(false);
  });

  it("give admins everything a reviewer has, and the decisions", () => {
    for (const operation of PERMISSIONS.reviewer) expect(can("admin", operation), operation).toBe(true);
    for (const operation of ADMIN_ONLY) expect(can("admin", operation), operation).toBe(true);
  });

  it("keep staff out of applicants' own-organization operations", () => {
    for (const role of ["reviewer", "admin"] as const) {
      expect(can(role, "application:submit-own")).toBe(false);
      expect(can(role, "application:respond-own")).toBe(false);
    }
  });

  it("give a member state's focal point the consultation and their own account, nothing of the secretariat or of applicants", () => {
    expect([...PERMISSIONS.state].sort()).toEqual(["account:manage-own", "consultation:answer"]);
    for (const role of ["applicant", "reviewer", "admin"] as const) expect(can(role, "consultation:answer"), role).toBe(false);
  });

  it("grant nothing without a role", () => {
    for (const operation of OPERATIONS) {
      expect(can(null, operation)).toBe(false);
      expect(can(undefined, operation)).toBe(false);
    }
  });

  it("let every role download and erase only its own account", () => {
    for (const role of ["applicant", "reviewer", "admin", "state"] as const) expect(can(role, "account:manage-own"), role).toBe(true);
    expect(can(null, "account:manage-own")).toBe(false);
  });
});
