import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { exportReviewQueue, listAssignableStaff, listReviewQueue } from "@/db/queries/review-queue";
import type { Actor } from "@/lib/actor";
import { parseQueueFilters, QUEUE_PAGE_SIZE } from "@/lib/queue-filters";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const filters = (query: string) => parseQueueFilters(new URLSearchParams(query));

let reviewer: Actor;
let otherReviewer: Actor;
let applicant: Actor;
const names: Record<string, string> = {};

beforeAll(async () => {
  await testDb().db.execute(sql`truncate users, organizations, applications cascade`);
  reviewer = await make.user("reviewer");
  otherReviewer = await make.user("reviewer");
  applicant = await make.user("applicant");
  const asociacion = await make.organization("Asociación Frontera Solidaria", { acronym: "AFS", country: "EC", type: "grassroots" });
  const conectas = await make.organization("Conectas Direitos Humanos", { country: "BR", themes: ["detention", "asylum"] });
  const instituto = await make.organization("Instituto de Estudios sobre Movilidad Humana", {
    acronym: "IEMH",
    country: "UY",
    type: "academic",
    themes: ["education"],
  });
  const borrador = await make.organization("Asociación Borrador", { country: "EC" });
  names.asociacion = await make.application(asociacion, "submitted", { submittedAt: new Date("2025-01-01") });
  names.conectas = await make.application(conectas, "in_review", {
    submittedAt: new Date("2025-01-02"),
    assignedReviewerId: reviewer.id,
    requestedCategory: "observer",
  });
  names.instituto = await make.application(instituto, "recommended", {
    submittedAt: new Date("2025-01-03"),
    assignedReviewerId: otherReviewer.id,
  });
  names.draft = await make.application(borrador, "draft");
  // Closed ones, submitted before every open one and assigned to the reviewer: only a chosen filter shows them.
  const closed = await make.organization("Colectivo Cerrado", { country: "UY" });
  names.rejected = await make.application(closed, "rejected", { submittedAt: new Date("2024-12-01"), assignedReviewerId: reviewer.id });
  names.accredited = await make.application(closed, "accredited_observer", { submittedAt: new Date("2024-12-02"), assignedReviewerId: reviewer.id });
  names.withdrawn = await make.application(closed, "withdrawn", { submittedAt: new Date("2024-12-03"), assignedReviewerId: reviewer.id });
});

describe("listReviewQueue", () => {
  it("finds an organization whatever the accents: 'asociacion' finds 'Asociación'", async () => {
    const page = await listReviewQueue(reviewer, filters("q=asociacion"));
    expect(page.rows.map((row) => row.organization.legalName)).toEqual(["Asociación Frontera Solidaria"]);
    expect(page.total).toBe(1);

    const upper = await listReviewQueue(reviewer, filters("q=MOVILIDAD%20HUMANA"));
    expect(upper.rows.map((row) => row.id)).toEqual([names.instituto]);
    const accentedQuery = await listReviewQueue(reviewer, filters("q=Asociaci%C3%B3n"));
    expect(accentedQuery.total).toBe(1);
  });

  it("searches the acronym too, and treats LIKE wildcards as text", async () => {
    expect((await listReviewQueue(reviewer, filters("q=iemh"))).rows.map((row) => row.id)).toEqual([names.instituto]);
    expect((await listReviewQueue(reviewer, filters("q=%25"))).total).toBe(0);
    expect((await listReviewQueue(reviewer, filters("q=_"))).total).toBe(0);
  });

  it("opens on the open applications only, the earliest submitted first; never shows drafts", async () => {
    const page = await listReviewQueue(reviewer, filters(""));
    expect(page.rows.map((row) => row.id)).toEqual([names.asociacion, names.conectas, names.instituto]);
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.submittedAt!.getTime())).toEqual([...page.rows.map((row) => row.submittedAt!.getTime())].sort((a, b) => a - b));
    expect(filters("").status).toBe("open");
    expect((await listReviewQueue(reviewer, filters("status=open"))).total).toBe(3);
    expect((await listReviewQueue(reviewer, filters("status=draft"))).total).toBe(3);
    expect((await listReviewQueue(reviewer, filters("status="))).total).toBe(3);
  });

  it("shows decided, withdrawn or all applications when the status filter asks for them", async () => {
    const ids = async (query: string) => (await listReviewQueue(reviewer, filters(query))).rows.map((row) => row.id);
    expect(await ids("status=decided")).toEqual([names.rejected, names.accredited]);
    expect(await ids("status=withdrawn")).toEqual([names.withdrawn]);
    expect(await ids("status=all")).toEqual([names.rejected, names.accredited, names.withdrawn, names.asociacion, names.conectas, names.instituto]);
    expect(await ids("status=all&dir=desc")).toEqual([names.instituto, names.conectas, names.asociacion, names.withdrawn, names.accredited, names.rejected]);
  });

  it("assigned to me: 'me' is whoever is signed in, and by default only their open applications", async () => {
    const ids = async (actor: Actor, query: string) => (await listReviewQueue(actor, filters(query))).rows.map((row) => row.id);
    expect(await ids(reviewer, "reviewer=me")).toEqual([names.conectas]);
    expect(await ids(otherReviewer, "reviewer=me")).toEqual([names.instituto]);
    expect(await ids(reviewer, "reviewer=me&status=all")).toEqual([names.rejected, names.accredited, names.withdrawn, names.conectas]);
  });

  it("filters by status, country, type, theme, category and reviewer", async () => {
    const ids = async (query: string) => (await listReviewQueue(reviewer, filters(query))).rows.map((row) => row.id);
    expect(await ids("status=in_review")).toEqual([names.conectas]);
    expect(await ids("country=UY")).toEqual([names.instituto]);
    expect(await ids("type=grassroots")).toEqual([names.asociacion]);
    expect(await ids("theme=detention")).toEqual([names.conectas]);
    expect(await ids("theme=asylum")).toEqual([names.asociacion, names.conectas]);
    expect(await ids("category=observer")).toEqual([names.conectas]);
    expect(await ids(`reviewer=${otherReviewer.id}`)).toEqual([names.instituto]);
    expect(await ids("reviewer=none")).toEqual([names.asociacion]);
    expect(await ids("country=BR&status=recommended")).toEqual([]);
  });

  it("sorts by name and by direction", async () => {
    const page = await listReviewQueue(reviewer, filters("sort=name&dir=desc"));
    expect(page.rows.map((row) => row.organization.legalName)).toEqual([
      "Instituto de Estudios sobre Movilidad Humana",
      "Conectas Direitos Humanos",
      "Asociación Frontera Solidaria",
    ]);
  });

  it("pages through many applications with the total for the filters", async () => {
    const org = await make.organization("Red Paginada Regional", { country: "PY" });
    const start = new Date("2024-01-01").getTime();
    for (let index = 0; index < QUEUE_PAGE_SIZE + 5; index++) {
      await make.application(org, "submitted", { submittedAt: new Date(start + index * 1000) });
    }
    const first = await listReviewQueue(reviewer, filters("country=PY"));
    const second = await listReviewQueue(reviewer, filters("country=PY&page=2"));
    expect(first).toMatchObject({ total: QUEUE_PAGE_SIZE + 5, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect(second.rows).toHaveLength(5);
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(QUEUE_PAGE_SIZE + 5);
    expect(first.rows[0]!.submittedAt!.getTime()).toBeLessThan(second.rows[0]!.submittedAt!.getTime());
  });

  it("ignores malformed filters instead of failing", () => {
    expect(filters("status=nope&country=XX&page=-3&sort=evil&dir=up")).toMatchObject({
      status: "open",
      country: undefined,
      page: 1,
      sort: "submitted",
      dir: "asc",
    });
  });

  it("refuses applicants and visitors", async () => {
    await expectAppError(listReviewQueue(applicant, filters("")), "forbidden");
    await expectAppError(listReviewQueue(null, filters("")), "unauthenticated");
    await expectAppError(exportReviewQueue(applicant, filters("")), "forbidden");
    await expectAppError(listAssignableStaff(applicant), "forbidden");
  });
});

describe("exportReviewQueue", () => {
  it("returns every matching row, not one page", async () => {
    const rows = await exportReviewQueue(reviewer, filters("country=PY"));
    expect(rows).toHaveLength(QUEUE_PAGE_SIZE + 5);
  });
});

describe("listAssignableStaff", () => {
  it("lists active reviewers and admins only", async () => {
    const staff = await listAssignableStaff(reviewer);
    const ids = staff.map((member) => member.id);
    expect(ids).toContain(reviewer.id);
    expect(ids).toContain(otherReviewer.id);
    expect(ids).not.toContain(applicant.id);
  });
});
