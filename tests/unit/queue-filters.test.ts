import { describe, expect, it } from "vitest";
import { daysSince } from "@/lib/application-age";
import { DECIDED_STATUSES, OPEN_STATUSES } from "@/lib/application-status";
import { parseQueueFilters, QUEUE_STATUSES, queueQuery, statusesOf } from "@/lib/queue-filters";

describe("the queue's status filter", () => {
  it("opens on the undecided, unwithdrawn applications", () => {
    expect(parseQueueFilters({}).status).toBe("open");
    expect([...statusesOf("open")].sort()).toEqual(["deferred", "in_consultation", "in_review", "info_requested", "recommended", "submitted"]);
    expect(statusesOf("decided")).toEqual(DECIDED_STATUSES);
    expect(statusesOf("all")).toEqual(QUEUE_STATUSES);
    expect(statusesOf("withdrawn")).toEqual(["withdrawn"]);
  });

  it("splits every queue status into open, decided or withdrawn, once", () => {
    expect([...OPEN_STATUSES, ...DECIDED_STATUSES, "withdrawn"].sort()).toEqual([...QUEUE_STATUSES].sort());
  });

  it("leaves the default out of links and keeps any other choice", () => {
    expect(queueQuery(parseQueueFilters({}))).toBe("");
    expect(queueQuery(parseQueueFilters({ status: "all", reviewer: "me" }))).toBe("status=all&reviewer=me");
    expect(queueQuery(parseQueueFilters({ status: "draft" }))).toBe("");
  });
});

describe("daysSince", () => {
  const now = new Date("2025-03-13T12:00:00Z");
  it("counts whole days elapsed, never below zero", () => {
    expect(daysSince(new Date("2025-03-13T01:00:00Z"), now)).toBe(0);
    expect(daysSince(new Date("2025-03-12T12:00:00Z"), now)).toBe(1);
    expect(daysSince(new Date("2025-03-01T13:00:00Z"), now)).toBe(11);
    expect(daysSince(new Date("2025-03-14T00:00:00Z"), now)).toBe(0);
  });
});
