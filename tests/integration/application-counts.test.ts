import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { applications } from "@/db/schema";
import { factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);

type Count = { status: string; reviewer: string; total: number };

/** The summary's non-zero rows and the same figures counted from the applications themselves. */
async function summaryAndTruth(): Promise<[Count[], Count[]]> {
  const { db } = testDb();
  const summary = rowsOf<Count>(
    await db.execute(sql`select status::text, reviewer_id as reviewer, total from application_counts where total <> 0 order by 1, 2`),
  );
  const truth = rowsOf<Count>(
    await db.execute(
      sql`select status::text, coalesce(assigned_reviewer_id, '') as reviewer, count(*)::integer as total from applications group by 1, 2 order by 1, 2`,
    ),
  );
  return [summary, truth];
}

describe("The dashboard's summary of applications (application_counts)", () => {
  it("follows every insert, transition, reassignment and deletion in the writer's own statement, and a truncation", async () => {
    const { db } = testDb();
    await db.execute(sql`truncate users, organizations, applications cascade`);
    const reviewer = await make.user("reviewer");
    const organization = await make.organization("Red del Recuento");
    const first = await make.application(organization, "submitted");
    const second = await make.application(organization, "draft");
    await make.application(organization, "in_review", { assignedReviewerId: reviewer.id });
    await db.update(applications).set({ status: "in_review", assignedReviewerId: reviewer.id }).where(eq(applications.id, first));
    await db
      .update(applications)
      .set({ sections: { organization: { city: "Quito" } } })
      .where(eq(applications.id, second));
    await db.update(applications).set({ status: "submitted" }).where(eq(applications.id, second));
    await db.delete(applications).where(eq(applications.id, second));

    const [summary, truth] = await summaryAndTruth();
    expect(summary).toEqual(truth);
    expect(summary).toEqual([{ status: "in_review", reviewer: reviewer.id, total: 2 }]);

    // A reviewer's deletion unassigns (ON DELETE SET NULL): an update like any other.
    await db.execute(sql`delete from users where id = ${reviewer.id}`);
    expect((await summaryAndTruth())[0]).toEqual([{ status: "in_review", reviewer: "", total: 2 }]);

    await db.execute(sql`truncate organizations cascade`);
    expect((await summaryAndTruth())[0]).toEqual([]);
  });

  it("lets transitions in opposite directions commit side by side (no deadlock on the summary's rows)", async () => {
    const { db, driver } = testDb();
    if (driver !== "postgres") return; // One connection on the embedded database: nothing runs side by side.
    await db.execute(sql`truncate users, organizations, applications cascade`);
    const organization = await make.organization("Red Concurrente");
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => make.application(organization, i % 2 ? "submitted" : "in_review")));
    await Promise.all(
      ids.map((id, i) =>
        db.transaction(async (tx) => {
          await tx
            .update(applications)
            .set({ status: i % 2 ? "in_review" : "submitted" })
            .where(eq(applications.id, id));
          await tx.execute(sql`select pg_sleep(0.01)`);
          await tx
            .update(applications)
            .set({ status: i % 2 ? "info_requested" : "in_review" })
            .where(eq(applications.id, id));
        }),
      ),
    );
    const [summary, truth] = await summaryAndTruth();
    expect(summary).toEqual(truth);
  });
});
