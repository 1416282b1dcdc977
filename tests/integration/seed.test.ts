import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { accreditations, applicationHistory, applications, documents, organizations, users } from "@/db/schema";
import { type ApplicationSections, requiredDocuments } from "@/lib/application-sections";
import { detectFileType } from "@/lib/file-type";
import { seedDatabase } from "@/db/seed";
import { listOwnOrganizations } from "@/db/queries/applications-own";
import { listOwnNominations } from "@/db/queries/delegates-own";
import { ACCREDITED_ORGANIZATIONS, DEMO_ACCOUNTS, DEMO_APPLICANT_ORGANIZATIONS } from "@/db/seed-data";
import { APPLICATION_STATUSES } from "@/lib/domain";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();

async function rowCounts(): Promise<Record<string, number>> {
  const { db } = testDb();
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`),
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table_name)}`));
    counts[table_name] = Number(row!.n);
  }
  return counts;
}

describe("seedDatabase", () => {
  let firstRun: Record<string, number>;

  beforeAll(async () => {
    await seedDatabase(testDb().db);
    firstRun = await rowCounts();
  });

  it("adds nothing when run again", async () => {
    await seedDatabase(testDb().db);
    expect(await rowCounts()).toEqual(firstRun);
    expect(firstRun.organizations).toBeGreaterThanOrEqual(ACCREDITED_ORGANIZATIONS.length);
  });

  it("accredits the twelve organizations of the XXI CSM as participants", async () => {
    const slugs = ACCREDITED_ORGANIZATIONS.map((org) => org.slug);
    expect(slugs).toHaveLength(12);
    const rows = await testDb()
      .db.select({ slug: organizations.slug, category: accreditations.category, status: accreditations.status })
      .from(organizations)
      .leftJoin(accreditations, eq(accreditations.organizationId, organizations.id))
      .where(inArray(organizations.slug, slugs));
    expect(rows.map((row) => row.slug).sort()).toEqual([...slugs].sort());
    for (const row of rows) expect(row, row.slug).toMatchObject({ category: "participant", status: "active" });
  });

  it("has an application in every status", async () => {
    const rows = await testDb().db.selectDistinct({ status: applications.status }).from(applications);
    expect(rows.map((row) => row.status).sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  it("gives every submitted application a history ending in its status", async () => {
    const { db } = testDb();
    const submitted = await db
      .select({ id: applications.id, status: applications.status })
      .from(applications)
      .where(sql`${applications.status} <> 'draft'`);
    expect(submitted.length).toBeGreaterThan(0);
    for (const application of submitted) {
      const history = await db
        .select({ from: applicationHistory.fromStatus, to: applicationHistory.toStatus })
        .from(applicationHistory)
        .where(and(eq(applicationHistory.applicationId, application.id), eq(applicationHistory.kind, "transition")))
        .orderBy(asc(applicationHistory.createdAt));
      expect(history.length, application.status).toBeGreaterThan(0);
      expect(history.at(-1)!.to, application.status).toBe(application.status);
      expect(history[0]!.from).toBe("draft");
      for (let i = 1; i < history.length; i++) expect(history[i]!.from).toBe(history[i - 1]!.to);
    }
  });

  it("fills every submitted application's sections from its organization's profile, with its required documents", async () => {
    const { db } = testDb();
    const rows = await db
      .select({
        id: applications.id,
        status: applications.status,
        sections: applications.sections,
        legalName: organizations.legalName,
        themes: organizations.themes,
      })
      .from(applications)
      .innerJoin(organizations, eq(organizations.id, applications.organizationId));
    for (const row of rows) {
      const sections = row.sections as ApplicationSections;
      expect(sections.organization?.legalName, row.legalName).toBe(row.legalName);
      expect(sections.work?.themes, row.legalName).toEqual(row.themes);
      if (row.status === "draft") {
        expect(sections.declarations, row.legalName).toBeUndefined();
        continue;
      }
      expect(Object.keys(sections).sort(), row.legalName).toEqual(["declarations", "governance", "organization", "representation", "work"]);
      const kinds = (await db.select({ kind: documents.kind }).from(documents).where(eq(documents.applicationId, row.id))).map((d) => d.kind);
      expect(kinds.sort(), row.legalName).toEqual([...requiredDocuments(sections)].sort());
    }
    const [blob] = rowsOf<{ bytes: Uint8Array }>(await db.execute(sql`select bytes from document_blobs limit 1`));
    expect(detectFileType(new Uint8Array(blob!.bytes))).toBe("application/pdf");
  });

  it("creates the demo accounts with their roles", async () => {
    const rows = await testDb()
      .db.select({ email: users.email, role: users.role, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(inArray(users.email, Object.values(DEMO_ACCOUNTS)));
    expect(rows.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: DEMO_ACCOUNTS.admin, role: "admin", deactivatedAt: null },
      { email: DEMO_ACCOUNTS.applicant, role: "applicant", deactivatedAt: null },
      { email: DEMO_ACCOUNTS.stateArgentina, role: "state", deactivatedAt: null },
      { email: DEMO_ACCOUNTS.stateBrazil, role: "state", deactivatedAt: null },
      { email: DEMO_ACCOUNTS.reviewer, role: "reviewer", deactivatedAt: null },
    ]);
  });

  it("gives the demo applicant an accredited organization with a delegate nominated for the open meeting, and an open draft filed for it", async () => {
    const [actor] = await testDb()
      .db.select({ id: users.id, role: users.role, email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.email, DEMO_ACCOUNTS.applicant));
    const { organizations: own, window } = await listOwnOrganizations(actor!);
    expect(window.open?.number).toBe("XXIII");
    expect(
      own.map((org) => ({
        name: org.legalName,
        accreditation: org.accreditation,
        applications: org.applications.map((app) => [app.status, app.meetingNumber]),
      })),
    ).toEqual([
      {
        name: "Migrant Support Network Guyana (demo)",
        accreditation: { category: "observer", status: "active" },
        applications: [["accredited_observer", "XXII"]],
      },
      { name: "Red de Apoyo a Personas Migrantes (demo)", accreditation: null, applications: [["draft", "XXIII"]] },
    ]);
    const nominations = await listOwnNominations(actor!, own[0]!.id);
    const open = nominations!.meetings.find((meeting) => meeting.number === "XXIII")!;
    expect(open).toMatchObject({ open: true, quota: 2, live: 1 });
    expect(open.delegates.map(({ name, email, status }) => ({ name, email, status }))).toEqual([
      { name: DEMO_APPLICANT_ORGANIZATIONS.delegate.name, email: DEMO_APPLICANT_ORGANIZATIONS.delegate.email, status: "nominated" },
    ]);
  });
});
