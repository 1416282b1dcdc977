import { describe, expect, it } from "vitest";
import { canTransition, isDecided, targetStatus, TRANSITIONS, type Transition } from "@/lib/application-status";
import { APPLICATION_STATUSES, type ApplicationStatus, ROLES, type Role } from "@/lib/domain";

const BEFORE_DECISION: ApplicationStatus[] = ["draft", "submitted", "in_review", "info_requested", "in_consultation", "recommended", "deferred"];
const DECIDABLE: ApplicationStatus[] = ["in_consultation", "recommended", "deferred"];

/** The pipeline of PRODUCT.md, written out independently of lib/application-status.ts. */
const EXPECTED: Record<Transition, { from: ApplicationStatus[]; to: ApplicationStatus; roles: Role[] }> = {
  submit: { from: ["draft"], to: "submitted", roles: ["applicant"] },
  start_review: { from: ["submitted"], to: "in_review", roles: ["reviewer", "admin"] },
  request_info: { from: ["in_review"], to: "info_requested", roles: ["reviewer", "admin"] },
  respond: { from: ["info_requested"], to: "in_review", roles: ["applicant"] },
  recommend: { from: ["in_review"], to: "in_consultation", roles: ["reviewer", "admin"] },
  close_consultation: { from: ["in_consultation"], to: "recommended", roles: [] },
  defer: { from: DECIDABLE, to: "deferred", roles: ["admin"] },
  decide_participant: { from: DECIDABLE, to: "accredited_participant", roles: ["admin"] },
  decide_observer: { from: DECIDABLE, to: "accredited_observer", roles: ["admin"] },
  decide_reject: { from: DECIDABLE, to: "rejected", roles: ["admin"] },
  withdraw: { from: BEFORE_DECISION, to: "withdrawn", roles: ["applicant"] },
};

describe("application pipeline", () => {
  it("covers exactly the transitions of PRODUCT.md", () => {
    expect([...TRANSITIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(TRANSITIONS)("%s leads to the status of PRODUCT.md", (transition) => {
    expect(targetStatus(transition)).toBe(EXPECTED[transition].to);
  });

  it.each(TRANSITIONS)("%s is allowed exactly for its roles and from-statuses", (transition) => {
    const allowed: string[] = [];
    for (const role of ROLES) {
      for (const from of APPLICATION_STATUSES) if (canTransition(role, transition, from)) allowed.push(`${role}@${from}`);
    }
    const expected = EXPECTED[transition].roles.flatMap((role) => EXPECTED[transition].from.map((from) => `${role}@${from}`));
    expect(allowed.sort()).toEqual(expected.sort());
  });

  it("refuses the moves people will try", () => {
    expect(canTransition("reviewer", "decide_participant", "recommended")).toBe(false);
    expect(canTransition("reviewer", "decide_reject", "recommended")).toBe(false);
    expect(canTransition("applicant", "start_review", "submitted")).toBe(false);
    expect(canTransition("applicant", "withdraw", "accredited_participant")).toBe(false);
    expect(canTransition("applicant", "withdraw", "rejected")).toBe(false);
    expect(canTransition("applicant", "withdraw", "withdrawn")).toBe(false);
    expect(canTransition("applicant", "submit", "submitted")).toBe(false);
    expect(canTransition("admin", "decide_observer", "in_review")).toBe(false);
    expect(canTransition("admin", "submit", "draft")).toBe(false);
  });

  it("calls only the three outcomes decided", () => {
    expect(APPLICATION_STATUSES.filter(isDecided).sort()).toEqual(["accredited_observer", "accredited_participant", "rejected"]);
  });
});
