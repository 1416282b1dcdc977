import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "@/db/schema";
import { deactivateUser } from "@/db/queries/staff";
import type { Actor } from "@/lib/actor";
import { withoutDeactivatedUsers } from "@/lib/server/auth";
import type { Role } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();

async function createUser(role: Role): Promise<Actor> {
  const email = `${role}-${randomUUID()}@example.org`;
  const [user] = await testDb().db.insert(users).values({ email, role }).returning({ id: users.id });
  return { id: user!.id, email, role, locale: null };
}

async function signIn(user: Actor): Promise<string> {
  const sessionToken = randomUUID();
  await testDb()
    .db.insert(sessions)
    .values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 24 * 60 * 60 * 1000) });
  return sessionToken;
}

async function stateOf(user: Actor) {
  const { db } = testDb();
  const [row] = await db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, user.id));
  const live = await db.select().from(sessions).where(eq(sessions.userId, user.id));
  return { deactivated: row!.deactivatedAt !== null, sessions: live.length };
}

const auditRows = () => testDb().db.select().from(auditLog);

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

beforeEach(async () => {
  await testDb().db.execute(sql`truncate users, sessions, audit_log cascade`);
});

describe("deactivateUser", () => {
  it("lets an admin deactivate a reviewer, ending their sessions and leaving an audit row", async () => {
    const admin = await createUser("admin");
    const reviewer = await createUser("reviewer");
    await signIn(admin);
    await signIn(reviewer);
    await signIn(reviewer);

    await deactivateUser(admin, reviewer.id);

    expect(await stateOf(reviewer)).toEqual({ deactivated: true, sessions: 0 });
    expect(await stateOf(admin)).toEqual({ deactivated: false, sessions: 1 });
    expect(await auditRows()).toMatchObject([{ actorId: admin.id, action: "staff.deactivate", targetType: "user", targetId: reviewer.id }]);
  });

  it("refuses a reviewer and changes nothing", async () => {
    await createUser("admin");
    const reviewer = await createUser("reviewer");
    const colleague = await createUser("reviewer");
    await signIn(colleague);

    await expectAppError(deactivateUser(reviewer, colleague.id), "forbidden");

    expect(await stateOf(colleague)).toEqual({ deactivated: false, sessions: 1 });
    expect(await auditRows()).toEqual([]);
  });

  it("refuses an anonymous caller", async () => {
    const reviewer = await createUser("reviewer");
    await expectAppError(deactivateUser(null, reviewer.id), "unauthenticated");
    expect(await stateOf(reviewer)).toEqual({ deactivated: false, sessions: 0 });
  });

  it("never deactivates the last active admin", async () => {
    const admin = await createUser("admin");
    const other = await createUser("admin");
    await signIn(admin);

    await deactivateUser(admin, other.id);
    await expectAppError(deactivateUser(admin, admin.id), "conflict");

    expect(await stateOf(admin)).toEqual({ deactivated: false, sessions: 1 });
    expect(await auditRows()).toHaveLength(1);
  });

  it("reports an account that is already deactivated as not found", async () => {
    const admin = await createUser("admin");
    const reviewer = await createUser("reviewer");
    await deactivateUser(admin, reviewer.id);
    await expectAppError(deactivateUser(admin, reviewer.id), "not_found");
    expect(await auditRows()).toHaveLength(1);
  });
});

describe("the Auth.js adapter", () => {
  it("no longer finds the session of a deactivated user", async () => {
    const admin = await createUser("admin");
    const reviewer = await createUser("reviewer");
    const adapter = await withoutDeactivatedUsers();
    const token = await signIn(reviewer);

    expect(await adapter.getSessionAndUser!(token)).toMatchObject({ user: { id: reviewer.id, role: "reviewer" } });

    await testDb().db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, reviewer.id));
    expect(await adapter.getSessionAndUser!(token)).toBeNull();

    const adminToken = await signIn(admin);
    expect(await adapter.getSessionAndUser!(adminToken)).toMatchObject({ user: { id: admin.id } });
  });
});
