import { beforeAll, describe, expect, it } from "vitest";
import { getApplicationForReview } from "@/db/queries/application-review";
import { type EligibilityInput, saveEligibilityChecklist } from "@/db/queries/eligibility";
import type { Actor } from "@/lib/actor";
import { ELIGIBILITY_CRITERIA } from "@/lib/domain";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

let reviewer: Actor;
let applicant: Actor;
let organizationId: string;

beforeAll(async () => {
  reviewer = await make.user("reviewer");
  applicant = await make.user("applicant");
  organizationId = await make.organization("Fundación Elegible");
});

const checklist = (applicationId: string, met: boolean, note: string | null = null): EligibilityInput => ({
  applicationId,
  checks: ELIGIBILITY_CRITERIA.map((criterion) => ({ criterion, met, note })),
});

describe("saveEligibilityChecklist", () => {
  it("saves every criterion with its note, and saving again replaces them", async () => {
    const id = await make.application(organizationId, "in_review");
    await saveEligibilityChecklist(reviewer, checklist(id, false, "pendiente"));
    const input = checklist(id, true);
    input.checks[0] = { criterion: "non_profit", met: false, note: "Falta el estatuto" };
    await saveEligibilityChecklist(reviewer, input);

    const { eligibility } = await getApplicationForReview(reviewer, id);
    expect(eligibility).toHaveLength(ELIGIBILITY_CRITERIA.length);
    const byCriterion = Object.fromEntries(eligibility.map((check) => [check.criterion, check]));
    expect(byCriterion.non_profit).toMatchObject({ met: false, note: "Falta el estatuto" });
    expect(byCriterion.independent).toMatchObject({ met: true, note: null });
  });

  it("refuses an incomplete or duplicated checklist", async () => {
    const id = await make.application(organizationId, "in_review");
    const partial = checklist(id, true);
    partial.checks.pop();
    await expectAppError(saveEligibilityChecklist(reviewer, partial), "invalid");
    const duplicated = checklist(id, true);
    duplicated.checks[1] = { ...duplicated.checks[0]! };
    await expectAppError(saveEligibilityChecklist(reviewer, duplicated), "invalid");
    expect((await getApplicationForReview(reviewer, id)).eligibility).toEqual([]);
  });

  it("is for staff, while the application is under review", async () => {
    const id = await make.application(organizationId, "in_review");
    await expectAppError(saveEligibilityChecklist(applicant, checklist(id, true)), "forbidden");
    await expectAppError(saveEligibilityChecklist(null, checklist(id, true)), "unauthenticated");
    const decided = await make.application(organizationId, "accredited_observer");
    await expectAppError(saveEligibilityChecklist(reviewer, checklist(decided, true)), "conflict");
    const draft = await make.application(organizationId, "draft");
    await expectAppError(saveEligibilityChecklist(reviewer, checklist(draft, true)), "not_found");
    expect((await getApplicationForReview(reviewer, id)).eligibility).toEqual([]);
  });
});
