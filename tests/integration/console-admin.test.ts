import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { CONSOLE_ADMIN_ACTION, grantAdminFromConsole } from "@/db/queries/console-admin";
import { deactivateUser } from "@/db/queries/staff";
import { auditLog, users } from "@/db/schema";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

async function account(email: string) {
  const [row] = await testDb().db.select({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, email));
  return row;
}

const consoleAudit = () => testDb().db.select().from(auditLog).where(eq(auditLog.action, CONSOLE_ADMIN_ACTION));

beforeEach(async () => {
  await testDb().db.execute(sql`truncate users, sessions, audit_log, email_outbox cascade`);
});

describe("grantAdminFromConsole (npm run admin:create)", () => {
  it("creates the first admin on an empty portal, with an audit row by the system", async () => {
    const result = await grantAdminFromConsole({ email: "  IT.Officer@Example.org " });
    expect(result).toMatchObject({ email: "it.officer@example.org", outcome: "created", previousRole: null });
    expect(await account("it.officer@example.org")).toMatchObject({ id: result.userId, role: "admin", deactivatedAt: null });
    expect(await consoleAudit()).toMatchObject([
      {
        actorId: null,
        targetType: "user",
        targetId: result.userId,
        targetName: "it.officer@example.org",
        data: { role: "admin", previousRole: null, outcome: "created" },
      },
    ]);
  });

  it("promotes an applicant and reactivates a deactivated admin, keeping their accounts", async () => {
    const applicant = await make.user("applicant");
    expect(await grantAdminFromConsole({ email: applicant.email })).toMatchObject({ userId: applicant.id, outcome: "promoted", previousRole: "applicant" });
    expect((await account(applicant.email))!.role).toBe("admin");

    const other = await make.user("admin");
    await deactivateUser(other, applicant.id);
    expect((await account(applicant.email))!.deactivatedAt).not.toBeNull();
    expect(await grantAdminFromConsole({ email: applicant.email })).toMatchObject({ userId: applicant.id, outcome: "reactivated" });
    expect(await account(applicant.email)).toMatchObject({ role: "admin", deactivatedAt: null });
    expect((await consoleAudit()).map((row) => (row.data as { outcome: string }).outcome)).toEqual(["promoted", "reactivated"]);
  });

  it("changes nothing for an active admin, and refuses what is not an address", async () => {
    const admin = await make.user("admin");
    expect(await grantAdminFromConsole({ email: admin.email })).toMatchObject({ userId: admin.id, outcome: "unchanged" });
    await expectAppError(grantAdminFromConsole({ email: "not-an-address" }), "invalid");
    expect(await consoleAudit()).toEqual([]);
    expect(
      await testDb()
        .db.select({ n: sql<number>`count(*)::int` })
        .from(users),
    ).toEqual([{ n: 1 }]);
  });
});
