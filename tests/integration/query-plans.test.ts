import { and, count, eq, like, sql, type SQLWrapper } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { applicationStatusIn } from "@/db/queries/application-statuses";
import { applications, organizations } from "@/db/schema";
import { OPEN_STATUSES } from "@/lib/application-status";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();

/** The plan PostgreSQL picks when a sequential scan is a last resort: which index it can use at all. */
async function planOf(query: SQLWrapper): Promise<string> {
  return testDb().db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = rowsOf<{ "QUERY PLAN": string }>(await tx.execute(sql`explain (costs off) ${query}`));
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}

describe("The staff pages' queries can use their indexes", () => {
  it("open applications are filtered in the words of the partial indexes over them", async () => {
    const { db } = testDb();
    const reviewer = "00000000-0000-4000-8000-000000000001";
    const mine = db
      .select({ total: count() })
      .from(applications)
      .where(and(eq(applications.assignedReviewerId, reviewer), applicationStatusIn(OPEN_STATUSES)));
    // An exact match of the index's predicate: read from the index alone, no status checked row by row.
    expect(await planOf(mine)).toContain("Index Only Scan using applications_open_reviewer_idx");
    const submitted = db
      .select({ total: count() })
      .from(applications)
      .where(applicationStatusIn(["submitted"]));
    expect(await planOf(submitted)).toMatch(/Index Cond: \(status = 'submitted'/);
  });

  it("a search by part of a name uses the trigram index (pg_trgm, on PostgreSQL and PGlite)", async () => {
    const search = testDb().db.select({ id: organizations.id }).from(organizations).where(like(organizations.searchKey, "%migra%"));
    expect(await planOf(search)).toContain("organizations_search_key_trgm_idx");
  });
});
