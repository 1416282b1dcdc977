import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { countApplicationsByStatus, listMyAssignedWork, listWaitingLongest } from "@/db/queries/dashboard";
import type { Actor } from "@/lib/actor";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

let reviewer: Actor;
let other: Actor;
let applicant: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  await testDb().db.execute(sql`truncate users, organizations, applications cascade`);
  reviewer = await make.user("reviewer");
  other = await make.user("admin");
  applicant = await make.user("applicant");
  const org = await make.organization("Red del Panel");
  const day = (n: number) => new Date(Date.UTC(2025, 0, n));
  ids.oldest = await make.application(org, "submitted", { updatedAt: day(1) });
  ids.mine = await make.application(org, "in_review", { updatedAt: day(2), assignedReviewerId: reviewer.id });
  ids.waitingApplicant = await make.application(org, "info_requested", { updatedAt: day(3), assignedReviewerId: reviewer.id });
  ids.recommended = await make.application(org, "recommended", { updatedAt: day(4), assignedReviewerId: other.id });
  ids.decided = await make.application(org, "rejected", { updatedAt: day(0), assignedReviewerId: reviewer.id });
  ids.draft = await make.application(org, "draft", { updatedAt: day(0) });
});

describe("the secretariat's dashboard", () => {
  it("counts every status", async () => {
    expect(await countApplicationsByStatus(reviewer)).toMatchObject({ submitted: 1, in_review: 1, info_requested: 1, recommended: 1, rejected: 1, draft: 1, withdrawn: 0 });
  });

  it("lists what waits on the secretariat, the longest-waiting first (not what waits on the applicant, nor decided ones)", async () => {
    expect((await listWaitingLongest(reviewer)).map((item) => item.id)).toEqual([ids.oldest, ids.mine, ids.recommended]);
    expect(await listWaitingLongest(reviewer, 1)).toHaveLength(1);
  });

  it("lists the actor's own open assignments", async () => {
    expect((await listMyAssignedWork(reviewer)).map((item) => item.id)).toEqual([ids.mine, ids.waitingApplicant]);
    expect((await listMyAssignedWork(other)).map((item) => item.id)).toEqual([ids.recommended]);
  });

  it("is for staff only", async () => {
    await expectAppError(listWaitingLongest(applicant), "forbidden");
    await expectAppError(listMyAssignedWork(applicant), "forbidden");
    await expectAppError(countApplicationsByStatus(null), "unauthenticated");
  });
});
