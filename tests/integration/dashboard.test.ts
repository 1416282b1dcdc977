import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { countDashboard, listMyAssignedWork, listWaitingLongest } from "@/db/queries/dashboard";
import { listReviewQueue } from "@/db/queries/review-queue";
import type { Actor } from "@/lib/actor";
import { DASHBOARD_QUERIES, queueHref } from "@/lib/dashboard-links";
import { parseQueueFilters, QUEUE_STATUSES } from "@/lib/queue-filters";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

let reviewer: Actor;
let other: Actor;
let applicant: Actor;
const ids: Record<string, string> = {};

/** The rows the queue shows when the link's address is opened, as the page parses it. */
async function rowsBehind(actor: Actor, query: Record<string, string>) {
  const href = queueHref(query);
  const filters = parseQueueFilters(new URLSearchParams(href.split("?")[1] ?? ""));
  return listReviewQueue(actor, filters);
}

beforeAll(async () => {
  await testDb().db.execute(sql`truncate users, organizations, applications cascade`);
  reviewer = await make.user("reviewer");
  other = await make.user("admin");
  applicant = await make.user("applicant");
  const org = await make.organization("Red del Panel");
  const day = (n: number) => new Date(Date.UTC(2025, 0, n));
  // updatedAt runs opposite to submittedAt: the lists follow submission, not the last change.
  ids.oldest = await make.application(org, "submitted", { submittedAt: day(1), updatedAt: day(20) });
  ids.mine = await make.application(org, "in_review", { submittedAt: day(2), updatedAt: day(19), assignedReviewerId: reviewer.id });
  ids.waitingApplicant = await make.application(org, "info_requested", { submittedAt: day(3), updatedAt: day(18), assignedReviewerId: reviewer.id });
  ids.recommended = await make.application(org, "recommended", { submittedAt: day(4), updatedAt: day(17), assignedReviewerId: other.id });
  ids.decided = await make.application(org, "rejected", { submittedAt: day(0), assignedReviewerId: reviewer.id });
  ids.withdrawn = await make.application(org, "withdrawn", { submittedAt: day(0), assignedReviewerId: reviewer.id });
  ids.draft = await make.application(org, "draft");
});

describe("the secretariat's dashboard", () => {
  it("counts each status the queue shows, drafts left out", async () => {
    const counts = await countDashboard(reviewer);
    expect(counts.byStatus).toEqual({
      submitted: 1,
      in_review: 1,
      info_requested: 1,
      in_consultation: 0,
      recommended: 1,
      deferred: 0,
      accredited_participant: 0,
      accredited_observer: 0,
      rejected: 1,
      withdrawn: 1,
    });
    expect(counts).toMatchObject({ open: 4, all: 6, toDecide: 1, assignedToMe: 2 });
    expect((await countDashboard(other)).assignedToMe).toBe(1);
  });

  it("gives every count a link whose queue shows exactly that many rows", async () => {
    for (const actor of [reviewer, other]) {
      const counts = await countDashboard(actor);
      for (const status of QUEUE_STATUSES) {
        const page = await rowsBehind(actor, DASHBOARD_QUERIES.status(status));
        expect(page.total, status).toBe(counts.byStatus[status as keyof typeof counts.byStatus]);
        expect(page.rows.every((row) => row.status === status)).toBe(true);
      }
      expect((await rowsBehind(actor, DASHBOARD_QUERIES.open)).total).toBe(counts.open);
      expect((await rowsBehind(actor, DASHBOARD_QUERIES.all)).total).toBe(counts.all);
      expect((await rowsBehind(actor, DASHBOARD_QUERIES.toDecide)).rows.map((row) => row.id)).toEqual([ids.recommended]);
      expect((await rowsBehind(actor, DASHBOARD_QUERIES.assignedToMe)).total).toBe(counts.assignedToMe);
    }
  });

  it("links 'assigned to me' with reviewer=me, which the server reads as the signed-in user: each sees only their own open work", async () => {
    expect(queueHref(DASHBOARD_QUERIES.assignedToMe)).toBe("/secretariat/applications?reviewer=me");
    expect(queueHref(DASHBOARD_QUERIES.open)).toBe("/secretariat/applications");
    expect((await rowsBehind(reviewer, DASHBOARD_QUERIES.assignedToMe)).rows.map((row) => row.id)).toEqual([ids.mine, ids.waitingApplicant]);
    expect((await rowsBehind(other, DASHBOARD_QUERIES.assignedToMe)).rows.map((row) => row.id)).toEqual([ids.recommended]);
  });

  it("lists what waits on the secretariat, the earliest submitted first (not what waits on the applicant, nor closed ones)", async () => {
    const waiting = await listWaitingLongest(reviewer);
    expect(waiting.map((item) => item.id)).toEqual([ids.oldest, ids.mine, ids.recommended]);
    expect(waiting[0]!.submittedAt).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(await listWaitingLongest(reviewer, 1)).toHaveLength(1);
  });

  it("lists the actor's own open assignments, as its count and link do", async () => {
    expect((await listMyAssignedWork(reviewer)).map((item) => item.id)).toEqual([ids.mine, ids.waitingApplicant]);
    expect((await listMyAssignedWork(other)).map((item) => item.id)).toEqual([ids.recommended]);
  });

  it("is for staff only", async () => {
    await expectAppError(listWaitingLongest(applicant), "forbidden");
    await expectAppError(listMyAssignedWork(applicant), "forbidden");
    await expectAppError(countDashboard(applicant), "forbidden");
    await expectAppError(countDashboard(null), "unauthenticated");
  });
});
