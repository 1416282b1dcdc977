import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startApplication, withdrawApplication } from "@/db/queries/applications-own";
import { applications, auditLog, meetings, organizationMembers } from "@/db/schema";
import { createUser, newApplicant } from "../support/applicant-fixtures";
import { race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const DAY = 86_400_000;

beforeAll(async () => {
  await testDb()
    .db.insert(meetings)
    .values({ number: "XXV", hostCountry: "CL", applicationOpensAt: new Date(Date.now() - DAY), applicationClosesAt: new Date(Date.now() + 30 * DAY) });
});

/** The drafts whose start was audited, oldest first. */
async function startsAudited(): Promise<(string | null)[]> {
  const rows = await testDb()
    .db.select({ targetId: auditLog.targetId })
    .from(auditLog)
    .where(eq(auditLog.action, "application.start"))
    .orderBy(auditLog.createdAt, auditLog.id);
  return rows.map((row) => row.targetId);
}

describe("starting a new application for one organization at once", () => {
  it(
    `two members, one of them twice: one new draft, one audit row; the others are refused (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const { db } = testDb();
        const { actor, organizationId, applicationId } = await newApplicant(db);
        await withdrawApplication(actor, applicationId, null);
        const colleague = await createUser(db, "applicant");
        await db.insert(organizationMembers).values({ organizationId, userId: colleague.id, role: "member" });
        const startsBefore = await startsAudited();

        const outcome = await race([actor, colleague, actor].map((member) => startApplication(member, organizationId)));

        const { index, value: draftId } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["conflict", "conflict"]);
        const drafts = await db
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.organizationId, organizationId), eq(applications.status, "draft")));
        expect(drafts).toEqual([{ id: draftId }]);
        expect(await startsAudited()).toEqual([...startsBefore, draftId]);
        return index === 1 ? "colleague" : `applicant (attempt ${index === 0 ? 1 : 2})`;
      });
    },
    RACE_TIMEOUT,
  );
});
