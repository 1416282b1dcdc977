import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, emailOutbox, rateLimits, sessions, verificationTokens } from "@/db/schema";
import { runHousekeeping } from "@/lib/server/jobs/housekeeping";
import { factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const DAY = 24 * 60 * 60 * 1000;

describe("runHousekeeping", () => {
  it("deletes what has outlived its use, keeps the rest, and audits its counts", async () => {
    const db = testDb().db;
    const now = new Date();
    const user = await make.user("applicant");
    await db.insert(sessions).values([
      { sessionToken: "expired", userId: user.id, expires: new Date(now.getTime() - 1000) },
      { sessionToken: "live", userId: user.id, expires: new Date(now.getTime() + DAY) },
    ]);
    await db.insert(verificationTokens).values([
      { identifier: user.email, token: "old", expires: new Date(now.getTime() - 1000) },
      { identifier: user.email, token: "fresh", expires: new Date(now.getTime() + 60_000) },
    ]);
    await db.insert(rateLimits).values([
      { key: "stale", windowStart: new Date(now.getTime() - 2 * DAY), count: 3 },
      { key: "current", windowStart: now, count: 1 },
    ]);
    await db.execute(sql`truncate email_outbox`);
    await db.insert(emailOutbox).values([
      { to: "a@example.org", subject: "old sent", text: "t", status: "sent", sentAt: new Date(now.getTime() - 731 * DAY) },
      { to: "b@example.org", subject: "recent sent", text: "t", status: "sent", sentAt: new Date(now.getTime() - 30 * DAY) },
      { to: "c@example.org", subject: "old dead", text: "t", status: "dead", createdAt: new Date(now.getTime() - 800 * DAY) },
    ]);

    const counts = await runHousekeeping(now);

    expect(counts).toEqual({
      expiredSessions: 1,
      expiredVerificationTokens: 1,
      staleRateLimits: 1,
      expiredSignInChallenges: 0,
      redactedSignInMessages: 0,
      delegatePersonalData: 0,
      oldSentNotices: 1,
    });
    expect((await db.select().from(sessions)).map((row) => row.sessionToken)).toEqual(["live"]);
    expect((await db.select().from(verificationTokens)).map((row) => row.token)).toEqual(["fresh"]);
    expect((await db.select().from(rateLimits)).map((row) => row.key)).toEqual(["current"]);
    expect((await db.select().from(emailOutbox)).map((row) => row.subject).sort()).toEqual(["old dead", "recent sent"]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "housekeeping.run"));
    expect(audit!.data).toEqual(counts);

    expect(await runHousekeeping(now)).toEqual({
      expiredSessions: 0,
      expiredVerificationTokens: 0,
      staleRateLimits: 0,
      expiredSignInChallenges: 0,
      redactedSignInMessages: 0,
      delegatePersonalData: 0,
      oldSentNotices: 0,
    });
  });
});
