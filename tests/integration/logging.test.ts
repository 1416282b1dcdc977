import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/db/queries/audit";
import { drainDeliveries, openBoss } from "@/lib/server/jobs/workers";
import { logTo } from "@/lib/logger";
import { logRequestError } from "@/lib/request-errors";
import { sendEmail } from "@/lib/server/mail";
import { allowSignInCode, allowSignInRequest } from "@/lib/server/sign-in-limits";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();

let lines: string[] = [];
const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

beforeEach(() => {
  lines = [];
  process.env.LOG_LEVEL = "info";
  logTo({ write: (line: string) => void lines.push(line) });
});

afterEach(() => {
  process.env.LOG_LEVEL = "silent";
  logTo(null);
  delete process.env.SIGN_IN_LIMIT_PER_EMAIL;
  delete process.env.SIGN_IN_CODE_LIMIT_PER_ADDRESS;
});

describe("the log", () => {
  it("records a sign-in refused by the rate limit without the e-mail or the client's address", async () => {
    process.env.SIGN_IN_LIMIT_PER_EMAIL = "1";
    const email = "refused.person@example.org";
    const address = "203.0.113.77";
    expect(await allowSignInRequest(email, address)).toBe(true);
    expect(lines).toEqual([]);
    expect(await allowSignInRequest(email, address)).toBe(false);

    expect(entries()).toEqual([expect.objectContaining({ level: "warn", event: "sign_in.rate_limited", limit: "email", allowed: 1 })]);
    const log = lines.join("");
    expect(log).not.toContain(email);
    expect(log).not.toContain("refused.person");
    expect(log).not.toContain(address);
  });

  it("records a refused sign-in code by which limit refused it", async () => {
    process.env.SIGN_IN_CODE_LIMIT_PER_ADDRESS = "1";
    await allowSignInCode("198.51.100.4");
    expect(await allowSignInCode("198.51.100.4")).toBe(false);
    expect(entries()).toEqual([expect.objectContaining({ event: "sign_in.rate_limited", limit: "code" })]);
    expect(lines.join("")).not.toContain("198.51.100.4");
  });

  it("records an audited change with its audit id once it has committed, and not at all when it rolls back", async () => {
    const { db } = testDb();
    const organizationId = randomUUID();
    let loggedBeforeCommit = -1;
    const auditId = await db.transaction(async (tx) => {
      const id = await recordAudit(tx, { actorId: null, action: "organization.updated", targetType: "organization", targetId: organizationId });
      loggedBeforeCommit = lines.length;
      return id;
    });
    expect(loggedBeforeCommit).toBe(0);
    expect(entries()).toEqual([
      expect.objectContaining({ level: "info", event: "audit.recorded", auditId, action: "organization.updated", actorId: null, targetId: organizationId }),
    ]);

    lines = [];
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, { actorId: null, action: "organization.updated", targetType: "organization", targetId: organizationId });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(lines).toEqual([]);
  });

  it("records each delivery job's run and outcome, not its recipient", async () => {
    const boss = await openBoss(testDb().db);
    try {
      const outboxId = await sendEmail({ to: "delivery.person@example.org", subject: "Hola", text: "Hola" });
      expect(await drainDeliveries(boss)).toBe(1);
      expect(entries()).toContainEqual(expect.objectContaining({ event: "job.run", job: "email-deliver", outboxId, outcome: "skipped" }));
      expect(lines.join("")).not.toContain("delivery.person");
    } finally {
      await boss.stop({ graceful: false, close: false, wait: true });
    }
  });

  it("records a request error with Next's digest, without the query or an address in the message", () => {
    const error = Object.assign(new Error("no account for someone@example.org"), { digest: "2915410412" });
    logRequestError(error, { path: "/es/sign-in/confirm?token=secret-token", method: "POST", headers: {} }, {
      routerKind: "App Router",
      routePath: "/[locale]/sign-in/confirm",
      routeType: "action",
      renderSource: undefined,
      revalidateReason: undefined,
    } as never);
    expect(entries()).toEqual([
      expect.objectContaining({
        level: "error",
        event: "request.error",
        digest: "2915410412",
        method: "POST",
        path: "/es/sign-in/confirm",
        routeType: "action",
        error: expect.objectContaining({ type: "Error", message: "no account for [e-mail]" }),
      }),
    ]);
    expect(lines.join("")).not.toContain("secret-token");
    expect(lines.join("")).not.toContain("someone@example.org");
  });

  it("leaves out the id of a person the change was about", async () => {
    const { db } = testDb();
    await db.transaction((tx) => recordAudit(tx, { actorId: null, action: "staff.role_changed", targetType: "user", targetId: randomUUID() }));
    const [entry] = entries();
    expect(entry).toMatchObject({ event: "audit.recorded", targetType: "user" });
    expect(entry).not.toHaveProperty("targetId");
  });
});
