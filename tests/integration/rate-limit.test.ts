import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { rateLimits } from "@/db/schema";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();

async function storedCount(key: string): Promise<number | undefined> {
  const [row] = await testDb().db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, key));
  return row?.count;
}

const hits = (key: string, times: number, limit: number, windowSeconds = 60) =>
  Promise.all(Array.from({ length: times }, () => hitRateLimit(key, limit, windowSeconds)));

describe("hitRateLimit", () => {
  it("refuses the hit after the limit within a window", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit("sequential", 3, 60));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts every one of many concurrent hits", async () => {
    const results = await hits("concurrent", 30, 10);
    expect(await storedCount("concurrent")).toBe(30);
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const next = await hitRateLimit("concurrent", 10, 60);
    expect(next).toMatchObject({ allowed: false, remaining: 0 });
    expect(new Set(results.map((r) => r.remaining))).toEqual(new Set([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]));
  });

  it("keeps keys independent", async () => {
    await hits("sign-in:a@example.org", 5, 5);
    expect((await hitRateLimit("sign-in:a@example.org", 5, 60)).allowed).toBe(false);
    expect(await hitRateLimit("sign-in:b@example.org", 5, 60)).toMatchObject({ allowed: true, remaining: 4 });
  });

  it("starts a new window once the old one has passed", async () => {
    await hits("windowed", 2, 2, 1);
    expect((await hitRateLimit("windowed", 2, 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await hitRateLimit("windowed", 2, 1)).toMatchObject({ allowed: true, remaining: 1 });
  });
});
