import { eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { changeStaffRole, deactivateUser, inviteStaff, listStaff } from "@/db/queries/staff";
import { auditLog, emailOutbox, sessions, users } from "@/db/schema";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

async function roleOf(userId: string) {
  const [row] = await testDb().db.select({ role: users.role, deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, userId));
  return row;
}

beforeEach(async () => {
  await testDb().db.execute(sql`truncate users, sessions, audit_log, email_outbox cascade`);
});

describe("inviteStaff", () => {
  it("creates a reviewer account and e-mails the invitation in the chosen language", async () => {
    const admin = await make.user("admin");
    const { userId, created } = await inviteStaff(admin, { email: " New.Reviewer@Example.org ", role: "reviewer", locale: "pt" });
    expect(created).toBe(true);
    expect(await roleOf(userId)).toMatchObject({ role: "reviewer", deactivatedAt: null });
    const [mail] = await make.mailTo("new.reviewer@example.org");
    expect(mail!.subject).toBe("Você foi convidado para a Secretaria da CSM");
    expect(mail!.text).toContain("/pt/sign-in");
    const audit = await testDb().db.select().from(auditLog).where(eq(auditLog.action, "staff.invite"));
    expect(audit).toMatchObject([{ actorId: admin.id, targetId: userId, data: { role: "reviewer", previousRole: null } }]);
  });

  it("upgrades an existing applicant, and the e-mail follows that account's own language", async () => {
    const admin = await make.user("admin");
    const applicant = await make.user("applicant", { locale: "en" });
    const { userId, created } = await inviteStaff(admin, { email: applicant.email, role: "admin", locale: "es" });
    expect({ userId, created }).toEqual({ userId: applicant.id, created: false });
    expect((await roleOf(applicant.id))!.role).toBe("admin");
    expect((await make.mailTo(applicant.email))[0]!.subject).toBe("You have been invited to the CSM secretariat");
  });

  it("refuses reviewers, bad addresses and unknown roles", async () => {
    const reviewer = await make.user("reviewer");
    const admin = await make.user("admin");
    await expectAppError(inviteStaff(reviewer, { email: "x@example.org", role: "reviewer" }), "forbidden");
    await expectAppError(inviteStaff(admin, { email: "not-an-address", role: "reviewer" }), "invalid");
    await expectAppError(inviteStaff(admin, { email: "x@example.org", role: "applicant" as "reviewer" }), "invalid");
    expect(await make.mailTo("x@example.org")).toEqual([]);
  });

  it("cannot demote the last active admin by inviting them as a reviewer", async () => {
    const admin = await make.user("admin");
    await expectAppError(inviteStaff(admin, { email: admin.email, role: "reviewer" }), "conflict");
    expect((await roleOf(admin.id))!.role).toBe("admin");
  });
});

describe("changeStaffRole", () => {
  it("promotes and demotes, with an audit row of the change", async () => {
    const admin = await make.user("admin");
    const reviewer = await make.user("reviewer");
    await changeStaffRole(admin, { userId: reviewer.id, role: "admin" });
    expect((await roleOf(reviewer.id))!.role).toBe("admin");
    await changeStaffRole(admin, { userId: reviewer.id, role: "reviewer" });
    expect((await roleOf(reviewer.id))!.role).toBe("reviewer");
    const audit = await testDb().db.select().from(auditLog).where(eq(auditLog.action, "staff.role_change"));
    expect(audit.map((row) => row.data)).toEqual(
      expect.arrayContaining([
        { from: "reviewer", to: "admin" },
        { from: "admin", to: "reviewer" },
      ]),
    );
  });

  it("never demotes the last active admin, and refuses reviewers, applicants as targets and bad roles", async () => {
    const admin = await make.user("admin");
    const reviewer = await make.user("reviewer");
    const applicant = await make.user("applicant");
    await expectAppError(changeStaffRole(admin, { userId: admin.id, role: "reviewer" }), "conflict");
    await expectAppError(changeStaffRole(reviewer, { userId: reviewer.id, role: "admin" }), "forbidden");
    await expectAppError(changeStaffRole(admin, { userId: applicant.id, role: "admin" }), "not_found");
    await expectAppError(changeStaffRole(admin, { userId: reviewer.id, role: "applicant" as "reviewer" }), "invalid");
    expect((await roleOf(admin.id))!.role).toBe("admin");
    expect((await roleOf(reviewer.id))!.role).toBe("reviewer");
    expect((await roleOf(applicant.id))!.role).toBe("applicant");
  });
});

describe("listStaff", () => {
  it("lists reviewers and admins with their state, for admins only", async () => {
    const admin = await make.user("admin");
    const reviewer = await make.user("reviewer");
    await make.user("applicant");
    const invitee = await make.user("reviewer");
    await testDb()
      .db.update(users)
      .set({ emailVerified: new Date() })
      .where(inArray(users.id, [admin.id, reviewer.id]));
    expect((await listStaff(admin)).find((member) => member.id === invitee.id)).toMatchObject({ active: true, signedIn: false });
    await testDb().db.delete(users).where(eq(users.id, invitee.id));
    await deactivateUser(admin, reviewer.id);
    const staff = await listStaff(admin);
    expect(staff.map(({ id, role, active, signedIn }) => ({ id, role, active, signedIn }))).toEqual([
      { id: admin.id, role: "admin", active: true, signedIn: true },
      { id: reviewer.id, role: "reviewer", active: false, signedIn: true },
    ]);
    await expectAppError(listStaff(reviewer), "forbidden");
    expect(await testDb().db.select().from(sessions)).toEqual([]);
  });
});

describe("notices to the staff member concerned", () => {
  it("tell a staff member of a role change and of a deactivation, in their language, once per change", async () => {
    const admin = await make.user("admin");
    const reviewer = await make.user("reviewer", { locale: "pt" });
    await changeStaffRole(admin, { userId: reviewer.id, role: "admin" });
    await changeStaffRole(admin, { userId: reviewer.id, role: "admin" });
    await deactivateUser(admin, reviewer.id);
    const mails = await make.mailTo(reviewer.email);
    expect(mails.map(({ kind, subject }) => ({ kind, subject })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "staff-deactivated", subject: "Seu acesso à Secretaria da CSM terminou" },
      { kind: "staff-role-changed", subject: "Sua função na Secretaria da CSM mudou" },
    ]);
    expect(mails.find((mail) => mail.kind === "staff-role-changed")!.text).toContain("mudou de revisor/a para administrador/a");
    expect(mails.every((mail) => mail.dedupeKey !== null)).toBe(true);
  });

  it("queue nothing when the change is refused or rolls back", async () => {
    const admin = await make.user("admin");
    const reviewer = await make.user("reviewer");
    await expectAppError(deactivateUser(admin, admin.id), "conflict");
    await testDb().db.execute(
      sql`create or replace function fail_job_insert() returns trigger language plpgsql as $$ begin raise exception 'job refused'; end $$`,
    );
    await testDb().db.execute(sql`create trigger fail_job_insert before insert on pgboss.job for each row execute function fail_job_insert()`);
    try {
      await expect(changeStaffRole(admin, { userId: reviewer.id, role: "admin" })).rejects.toThrow();
      await expect(deactivateUser(admin, reviewer.id)).rejects.toThrow();
    } finally {
      await testDb().db.execute(sql`drop trigger fail_job_insert on pgboss.job`);
    }
    expect(await roleOf(reviewer.id)).toMatchObject({ role: "reviewer", deactivatedAt: null });
    expect(await testDb().db.select().from(emailOutbox)).toEqual([]);
  });
});
