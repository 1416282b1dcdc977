import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  currentApplicationWindow,
  exportPublicOrganizations,
  findListedOrganizationId,
  getPublicOrganization,
  listPublicOrganizations,
  registerFigures,
  registerRevision,
} from "@/db/queries/public-register";
import { accreditationHistory, accreditations, coalitionMembers, meetings, organizations } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { ACCREDITATION_LIFECYCLE_DEMO, ACCREDITED_ORGANIZATIONS, PRIVATE_SEED_VALUES } from "@/db/seed-data";
import { countryOrder } from "@/lib/country-order";
import { parseRegisterQuery } from "@/lib/register-query";
import { searchKey } from "@/lib/search-key";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const query = (params: Record<string, string> = {}) => parseRegisterQuery(params, { maxPerPage: 100, defaultPerPage: 100 });
const slugsOf = (items: { slug: string }[]) => items.map((item) => item.slug);

/** The twelve XXI CSM organizations, the accredited demo observer and the suspended demo organization. */
const LISTED = [...ACCREDITED_ORGANIZATIONS.map((org) => org.slug), "demo-observer", "demo-suspended"];

function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "");
}

describe("public register data layer", () => {
  beforeAll(async () => {
    await seedDatabase(testDb().db);
  });

  it("lists accredited organizations, suspended ones included, revoked ones and applicants not", async () => {
    const page = await listPublicOrganizations(query());
    expect(page.total).toBe(LISTED.length);
    expect(slugsOf(page.items).sort()).toEqual([...LISTED].sort());
    expect(page.items.find((item) => item.slug === "demo-suspended")!.accreditation.status).toBe("suspended");
    expect(slugsOf(page.items)).not.toContain("demo-revoked");
    expect(slugsOf(page.items)).not.toContain("demo-recommended");
    expect(await findListedOrganizationId("demo-revoked")).toBeNull();
  });

  it("finds each of the twelve organizations by its name typed without accents, in any case", async () => {
    for (const org of ACCREDITED_ORGANIZATIONS) {
      const typed = withoutAccents(org.legalName).toUpperCase();
      const page = await listPublicOrganizations(query({ q: typed }));
      expect(slugsOf(page.items), typed).toContain(org.slug);
    }
  });

  it("matches accents in the query against unaccented text and acronyms", async () => {
    expect(slugsOf((await listPublicOrganizations(query({ q: "Acción Mígrante" }))).items)).toEqual(["movimiento-accion-migrante"]);
    expect(slugsOf((await listPublicOrganizations(query({ q: "codhes" }))).items)).toEqual(["codhes"]);
    expect(slugsOf((await listPublicOrganizations(query({ q: "sjm" }))).items).sort()).toEqual(["encuentros-sjm-peru", "sjm-chile"]);
    expect((await listPublicOrganizations(query({ q: "100%_" }))).total).toBe(0);
  });

  it("filters by country (and regional), category, status, type and theme", async () => {
    expect(slugsOf((await listPublicOrganizations(query({ country: "AR" }))).items).sort()).toEqual(["caref", "cels"]);
    expect(slugsOf((await listPublicOrganizations(query({ country: "regional" }))).items)).toEqual(["rjm-lac"]);
    expect(slugsOf((await listPublicOrganizations(query({ category: "observer" }))).items)).toEqual(["demo-observer"]);
    expect(slugsOf((await listPublicOrganizations(query({ status: "suspended" }))).items)).toEqual(["demo-suspended"]);
    expect(slugsOf((await listPublicOrganizations(query({ type: "network" }))).items).sort()).toEqual(["resama", "rjm-lac"]);
    const climate = ACCREDITED_ORGANIZATIONS.filter((org) => org.themes.includes("climate")).map((org) => org.slug);
    expect(slugsOf((await listPublicOrganizations(query({ theme: "climate" }))).items).sort()).toEqual(climate.sort());
    const combined = await listPublicOrganizations(query({ country: "CL", theme: "regularization", type: "faith_based" }));
    expect(slugsOf(combined.items)).toEqual(["sjm-chile"]);
  });

  it("pages through the register with a stable order and a total", async () => {
    const all = await listPublicOrganizations(query());
    const first = await listPublicOrganizations(parseRegisterQuery({ per_page: "5" }, { maxPerPage: 100 }));
    const third = await listPublicOrganizations(parseRegisterQuery({ per_page: "5", page: "3" }, { maxPerPage: 100 }));
    expect(first).toMatchObject({ total: LISTED.length, page: 1, perPage: 5, pageCount: 3 });
    expect(slugsOf(first.items)).toEqual(slugsOf(all.items).slice(0, 5));
    expect(slugsOf(third.items)).toEqual(slugsOf(all.items).slice(10, 15));
    const beyond = await listPublicOrganizations(parseRegisterQuery({ per_page: "5", page: "9" }, { maxPerPage: 100 }));
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(LISTED.length);
  });

  it("sorts by name both ways, by country in the reader's language and by accreditation date", async () => {
    const keys = (items: { name: string; acronym: string | null }[]) => items.map((item) => searchKey(item.name, item.acronym));
    const byName = keys((await listPublicOrganizations(query())).items);
    expect(byName).toEqual([...byName].sort());
    expect(keys((await listPublicOrganizations(query({ sort: "name_desc" }))).items)).toEqual([...byName].reverse());

    const order = countryOrder("es");
    const countries = (await listPublicOrganizations(query({ sort: "country" }), order)).items.map((item) => item.country);
    const positions = countries.map((code) => (code ? order.indexOf(code) : order.length));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(countries.at(-1)).toBeNull();

    const since = (await listPublicOrganizations(query({ sort: "recent" }))).items.map((item) => item.accreditation.since);
    expect(since).toEqual([...since].sort().reverse());
  });

  it("exports every organization matching the filters, in the page's order", async () => {
    const filters = { country: "CL", sort: "name_desc" };
    const exported = await exportPublicOrganizations(query(filters));
    expect(slugsOf(exported)).toEqual(slugsOf((await listPublicOrganizations(query(filters))).items));
    expect(exported).toHaveLength(3);
  });

  it("counts organizations by country and status", async () => {
    const figures = await registerFigures();
    expect(figures.totals).toEqual({ participant: 12, observer: 1, suspended: 1, total: 14 });
    expect(figures.byCountry.find((row) => row.country === "CL")).toEqual({ country: "CL", participant: 3, observer: 0, suspended: 0, total: 3 });
    expect(figures.byCountry.find((row) => row.country === "BO")).toEqual({ country: "BO", participant: 0, observer: 0, suspended: 1, total: 1 });
    expect(figures.byCountry.find((row) => row.country === null)).toMatchObject({ participant: 1, total: 1 });
    expect(figures.byCountry.find((row) => row.country === "EC")).toBeUndefined();
  });

  it("shows an organization's history with reasons, its coalition both ways and its meetings", async () => {
    const suspended = (await getPublicOrganization((await findListedOrganizationId("demo-suspended"))!))!;
    const reason = ACCREDITATION_LIFECYCLE_DEMO.find((org) => org.slug === "demo-suspended")!.reason;
    expect(suspended.accreditation).toMatchObject({ status: "suspended", reason });
    expect(suspended.history.map((event) => [event.event, event.reason])).toEqual([
      ["granted", null],
      ["suspended", reason],
    ]);

    const coalition = (await getPublicOrganization((await findListedOrganizationId("rjm-lac"))!))!;
    expect(coalition.members.map((member) => member.slug).sort()).toEqual(["encuentros-sjm-peru", "sjm-chile"]);
    const member = (await getPublicOrganization((await findListedOrganizationId("sjm-chile"))!))!;
    expect(member.coalitions).toEqual([{ name: coalition.name, country: null, slug: "rjm-lac" }]);
    expect(member.meetings.map((meeting) => meeting.number)).toEqual(["XXII"]);
  });

  it("never returns private fields: contact e-mails, notes, funding, registry numbers", async () => {
    const { db } = testDb();
    await db
      .update(organizations)
      .set({ fundingSources: "Private funding 7f3a", registryNumber: "REG-7f3a-SECRET" })
      .where(eq(organizations.slug, PRIVATE_SEED_VALUES.organizationSlug));
    const id = (await findListedOrganizationId(PRIVATE_SEED_VALUES.organizationSlug))!;
    const everything = JSON.stringify([
      await listPublicOrganizations(query()),
      await exportPublicOrganizations(query()),
      await getPublicOrganization(id),
      await registerFigures(),
    ]);
    expect(everything).toContain("CAREF");
    for (const secret of [PRIVATE_SEED_VALUES.contactEmail, PRIVATE_SEED_VALUES.internalNote, "Private funding 7f3a", "REG-7f3a-SECRET", "@demo.test"]) {
      expect(everything).not.toContain(secret);
    }
    const [profile] = await db.select({ contactEmail: organizations.contactEmail }).from(organizations).where(eq(organizations.id, id));
    expect(profile!.contactEmail).toBe(PRIVATE_SEED_VALUES.contactEmail);
  });

  it("drops an organization from the register when its accreditation is revoked, and lists it again when reinstated", async () => {
    const { db } = testDb();
    const id = (await findListedOrganizationId("cels"))!;
    await db.update(accreditations).set({ status: "revoked" }).where(eq(accreditations.organizationId, id));
    expect(await findListedOrganizationId("cels")).toBeNull();
    expect(await getPublicOrganization(id)).toBeNull();
    expect(slugsOf((await listPublicOrganizations(query({ country: "AR" }))).items)).toEqual(["caref"]);
    await db.update(accreditations).set({ status: "active" }).where(eq(accreditations.organizationId, id));
    expect(slugsOf((await listPublicOrganizations(query({ country: "AR" }))).items).sort()).toEqual(["caref", "cels"]);
  });

  it("reports the application window that is open now, else the next one", async () => {
    const { db } = testDb();
    // The seed's current edition takes applications from 30 days before seeding until 60 days after.
    expect(await currentApplicationWindow()).toMatchObject({ state: "open", meeting: { number: "XXIII", hostCountry: "BR", city: "Brasília" } });
    expect(await currentApplicationWindow(new Date("2024-05-01T00:00:00Z"))).toMatchObject({ state: "open", meeting: { number: "XXII" } });
    expect(await currentApplicationWindow(new Date("2024-01-01T00:00:00Z"))).toMatchObject({ state: "upcoming", meeting: { number: "XXII" } });
    expect(await currentApplicationWindow(new Date("2030-01-01T00:00:00Z"))).toEqual({ state: "closed" });
    await db.insert(meetings).values({
      number: "XXX-test",
      hostCountry: "UY",
      applicationOpensAt: new Date("2029-12-01T00:00:00Z"),
      applicationClosesAt: new Date("2030-02-01T00:00:00Z"),
    });
    expect(await currentApplicationWindow(new Date("2030-01-01T00:00:00Z"))).toMatchObject({
      state: "open",
      meeting: { number: "XXX-test", hostCountry: "UY" },
    });
  });

  it("changes its revision whenever a decision, a lifecycle event, a public profile edit or a coalition link touches the register, and only then", async () => {
    const { db } = testDb();
    const id = (await findListedOrganizationId("conectas"))!;
    const before = await registerRevision();
    expect(await registerRevision()).toBe(before);
    // Keyed by this database's own id too: a server moved to another database cannot match old entries.
    expect(before).toMatch(/^[0-9a-f-]{36}:\d+$/);

    const [accreditation] = await db
      .update(accreditations)
      .set({ status: "suspended", reason: "Test", updatedAt: new Date() })
      .where(eq(accreditations.organizationId, id))
      .returning({ id: accreditations.id });
    const afterSuspension = await registerRevision();
    expect(afterSuspension).not.toBe(before);

    await db.insert(accreditationHistory).values({ accreditationId: accreditation!.id, event: "reinstated", category: "participant" });
    const afterHistory = await registerRevision();
    expect(afterHistory).not.toBe(afterSuspension);

    await db.update(organizations).set({ description: "New description", updatedAt: new Date() }).where(eq(organizations.id, id));
    const afterProfile = await registerRevision();
    expect(afterProfile).not.toBe(afterHistory);
    await db.update(accreditations).set({ status: "active", reason: null }).where(eq(accreditations.organizationId, id));
    const afterReinstatement = await registerRevision();
    expect(afterReinstatement).not.toBe(afterProfile);

    // Saves that change nothing public, and profiles of organizations the register does not show, leave it alone.
    await db.update(organizations).set({ updatedAt: new Date() }).where(eq(organizations.id, id));
    const [draft] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "demo-draft"));
    await db.update(organizations).set({ description: "Draft description" }).where(eq(organizations.id, draft!.id));
    expect(await registerRevision()).toBe(afterReinstatement);

    await db.insert(coalitionMembers).values({ coalitionId: id, name: "Colectivo Nuevo", country: "BR" });
    const afterCoalitionLink = await registerRevision();
    expect(afterCoalitionLink).not.toBe(afterReinstatement);
    // Now that the draft organization is named in a coalition link, its name shows on a public page.
    await db.insert(coalitionMembers).values({ coalitionId: id, memberOrganizationId: draft!.id, name: "Red de Apoyo", country: "BO" });
    const afterMemberLink = await registerRevision();
    await db.update(organizations).set({ legalName: "Red de Apoyo a Personas Migrantes (renombrada)" }).where(eq(organizations.id, draft!.id));
    expect(await registerRevision()).not.toBe(afterMemberLink);
  });
});
