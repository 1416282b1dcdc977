import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "@/db/queries/applications-own";
import { applicationHistory, applications, auditLog, emailOutbox, meetings, organizationMembers } from "@/db/schema";
import { completeDraft, createUser, newApplicant } from "../support/applicant-fixtures";
import { race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const mail = { origin: "http://localhost:3000", locale: "es" as const };
const DAY = 86_400_000;

beforeAll(async () => {
  await testDb()
    .db.insert(meetings)
    .values({ number: "XXV", hostCountry: "CL", applicationOpensAt: new Date(Date.now() - DAY), applicationClosesAt: new Date(Date.now() + 30 * DAY) });
});

/** What the database holds about the application's submission. */
async function submissionOf(applicationId: string, addresses: string[]) {
  const { db } = testDb();
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  const transitions = await db
    .select()
    .from(applicationHistory)
    .where(and(eq(applicationHistory.applicationId, applicationId), eq(applicationHistory.kind, "transition")));
  const audit = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, applicationId), eq(auditLog.action, "application.submit")));
  const mails = await db.select().from(emailOutbox).where(inArray(emailOutbox.to, addresses));
  return {
    status: application!.status,
    submitted: application!.submittedAt !== null,
    transitions: transitions.map((row) => `${row.fromStatus}→${row.toStatus}`),
    submittedBy: transitions.map((row) => row.actorId),
    audit: audit.length,
    mails: mails.map((row) => row.to),
  };
}

describe("submitting one application several times at once", () => {
  it(
    `the applicant's triple submit goes through once: one transition, one audit row, one confirmation (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const { actor, applicationId } = await newApplicant(testDb().db, "pt");
        await completeDraft(actor, applicationId);

        const outcome = await race([1, 2, 3].map(() => submitApplication(actor, applicationId, mail)));

        const winner = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["conflict", "conflict"]);
        expect(await submissionOf(applicationId, [actor.email])).toEqual({
          status: "submitted",
          submitted: true,
          transitions: ["draft→submitted"],
          submittedBy: [actor.id],
          audit: 1,
          mails: [actor.email],
        });
        return `attempt ${winner.index + 1}`;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `the applicant and a colleague submitting at once: one submission, by the winner, confirmed to the winner (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const { db } = testDb();
        const { actor, organizationId, applicationId } = await newApplicant(db, "es");
        const colleague = await createUser(db, "applicant", "en");
        await db.insert(organizationMembers).values({ organizationId, userId: colleague.id, role: "member" });
        await completeDraft(actor, applicationId);
        const members = [actor, colleague];

        const outcome = await race(members.map((member) => submitApplication(member, applicationId, mail)));

        const winner = members[soleWinner(outcome).index]!;
        expect(refusals(outcome)).toEqual(["conflict"]);
        expect(await submissionOf(applicationId, [actor.email, colleague.email])).toEqual({
          status: "submitted",
          submitted: true,
          transitions: ["draft→submitted"],
          submittedBy: [winner.id],
          audit: 1,
          mails: [winner.email],
        });
        return winner === actor ? "applicant" : "colleague";
      });
    },
    RACE_TIMEOUT,
  );
});
