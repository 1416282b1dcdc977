import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { suspendAccreditation } from "@/db/queries/accreditation-lifecycle";
import { exportAuditLog, listAuditLog } from "@/db/queries/audit-log";
import { deactivateUser } from "@/db/queries/staff";
import { auditLog, organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { parseAuditFilters } from "@/lib/audit-filters";
import { accreditationFixtures } from "../support/accreditation-fixtures";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const filters = (query: string) => parseAuditFilters(new URLSearchParams(query));

let admin: Actor;
let reviewer: Actor;

beforeAll(async () => {
  const { db } = testDb();
  await db.execute(sql`truncate users, audit_log cascade`);
  admin = await make.user("admin", { email: "boss@example.org" });
  reviewer = await make.user("reviewer", { email: "rev@example.org" });
  await db.insert(auditLog).values([
    { actorId: reviewer.id, action: "staff.sign_in", createdAt: new Date("2025-03-01T10:00:00Z") },
    { actorId: reviewer.id, action: "application.start_review", targetType: "application", createdAt: new Date("2025-03-02T10:00:00Z") },
    { actorId: admin.id, action: "application.decide_participant", targetType: "application", createdAt: new Date("2025-03-03T10:00:00Z") },
    { actorId: admin.id, action: "staff.role_change", data: { from: "reviewer", to: "admin" }, createdAt: new Date("2025-03-04T10:00:00Z") },
    { actorId: null, action: "application.assign", createdAt: new Date("2025-03-05T10:00:00Z") },
    { actorId: admin.id, action: "accreditation.suspend", targetType: "organization", createdAt: new Date("2025-03-06T10:00:00Z") },
    { actorId: admin.id, action: "meeting.create", targetType: "meeting", createdAt: new Date("2025-03-07T10:00:00Z") },
    { actorId: reviewer.id, action: "delegate.confirm", targetType: "delegate", createdAt: new Date("2025-03-08T10:00:00Z") },
  ]);
});

describe("listAuditLog", () => {
  it("lists newest first with the actor's e-mail", async () => {
    const page = await listAuditLog(admin, filters(""));
    expect(page.total).toBe(8);
    expect(page.rows.map((row) => row.action)).toEqual([
      "delegate.confirm",
      "meeting.create",
      "accreditation.suspend",
      "application.assign",
      "staff.role_change",
      "application.decide_participant",
      "application.start_review",
      "staff.sign_in",
    ]);
    expect(page.rows[3]!.actor).toBeNull();
    expect(page.rows[4]!.actor).toEqual({ email: "boss@example.org", name: null, erased: false });
  });

  it("filters by kind, actor and dates", async () => {
    const actions = async (query: string) => (await listAuditLog(admin, filters(query))).rows.map((row) => row.action);
    expect(await actions("kind=sign_ins")).toEqual(["staff.sign_in"]);
    expect(await actions("kind=decisions")).toEqual(["application.decide_participant"]);
    expect(await actions("kind=transitions")).toEqual(["application.decide_participant", "application.start_review"]);
    expect(await actions("kind=staff")).toEqual(["staff.role_change"]);
    expect(await actions("kind=accreditations")).toEqual(["accreditation.suspend"]);
    expect(await actions("kind=meetings")).toEqual(["meeting.create"]);
    expect(await actions("kind=delegates")).toEqual(["delegate.confirm"]);
    expect(await actions("actor=REV@")).toEqual(["delegate.confirm", "application.start_review", "staff.sign_in"]);
    expect(await actions("from=2025-03-02&to=2025-03-03")).toEqual(["application.decide_participant", "application.start_review"]);
    expect(await actions("actor=%25")).toEqual([]);
  });

  it("is for admins only", async () => {
    await expectAppError(listAuditLog(reviewer, filters("")), "forbidden");
    await expectAppError(exportAuditLog(reviewer, filters("")), "forbidden");
    await expectAppError(listAuditLog(null, filters("")), "unauthenticated");
  });
});

describe("exportAuditLog", () => {
  it("exports every matching entry", async () => {
    expect((await exportAuditLog(admin, filters("kind=transitions"))).map((row) => row.action)).toEqual([
      "application.decide_participant",
      "application.start_review",
    ]);
  });
});

describe("names in the audit log", () => {
  it("keeps who acted and on what after a rename and an erasure, and filters by person and organization", async () => {
    const { db } = testDb();
    const named = await make.user("admin", { email: "ana.ruiz@example.org" });
    await db.update(users).set({ name: "Ana Ruiz" }).where(eq(users.id, named.id));
    const reviewerToGo = await make.user("reviewer", { email: "bruno@example.org" });
    await db.update(users).set({ name: "Bruno Lima" }).where(eq(users.id, reviewerToGo.id));
    const { organizationId } = await accreditationFixtures(() => testDb().db).accredited(named, "Centro X");
    await suspendAccreditation(named, { organizationId, reason: "Informe pendiente" });
    await deactivateUser(named, reviewerToGo.id);

    await db.update(organizations).set({ legalName: "Centro Renombrado" }).where(eq(organizations.id, organizationId));
    await db.update(users).set({ name: "Otra Persona" }).where(eq(users.id, named.id));
    await db.delete(users).where(eq(users.id, reviewerToGo.id));

    const { rows } = await listAuditLog(admin, filters("organization=centro x"));
    const suspension = rows.find((row) => row.action === "accreditation.suspended")!;
    expect(suspension).toMatchObject({ actorName: "Ana Ruiz", targetName: "Centro X", organizationName: "Centro X" });
    expect(suspension.data).toMatchObject({ previousStatus: "active", status: "suspended", reason: "Informe pendiente" });

    const [deactivation] = (await listAuditLog(admin, filters("person=bruno lima"))).rows;
    expect(deactivation).toMatchObject({ action: "staff.deactivate", actorName: "Ana Ruiz", targetName: "Bruno Lima" });
    expect(deactivation!.data).toEqual({ email: "bruno@example.org", role: "reviewer", from: "active", to: "deactivated" });
    expect((await listAuditLog(admin, filters("person=ana ruiz&kind=staff"))).rows.map((row) => row.action)).toEqual(["staff.deactivate"]);
  });
});
