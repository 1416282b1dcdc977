import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { accreditationHistory, accreditations, applications, auditLog } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { Recommendation } from "@/lib/review-schemas";
import { factories } from "../support/factories";
import { race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";
import { decisionRows } from "../support/decision-rows";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);

let admins: [Actor, Actor];

beforeAll(async () => {
  admins = [await make.user("admin"), await make.user("admin")];
});

const STATUS_OF = { participant: "accredited_participant", observer: "accredited_observer", reject: "rejected" } as const;
/** The two admins' decisions, round after round: participant against rejection (both ways round), then two categories. */
const PAIRS: [Recommendation, Recommendation][] = [
  ["participant", "reject"],
  ["reject", "participant"],
  ["observer", "participant"],
];

/** Everything a decision writes: the application, its decision rows, the accreditation and its history, audit and mail. */
async function decisionOf(applicationId: string, organizationId: string, memberEmail: string) {
  const { db } = testDb();
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  const decisions = await decisionRows(db, applicationId);
  const accreditation = await db.select().from(accreditations).where(eq(accreditations.organizationId, organizationId));
  const granted = accreditation[0] ? await db.select().from(accreditationHistory).where(eq(accreditationHistory.accreditationId, accreditation[0].id)) : [];
  const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, applicationId));
  return {
    status: application!.status,
    reason: application!.decisionReason,
    decisions: decisions.map((row) => ({ to: row.toStatus, by: row.actorId, message: row.message })),
    accreditations: accreditation.map((row) => ({ category: row.category, status: row.status, applicationId: row.applicationId })),
    accreditationHistory: granted.map((row) => ({ event: row.event, category: row.category, by: row.actorId })),
    audit: audit.map((row) => row.action),
    mails: (await make.mailTo(memberEmail)).length,
  };
}

describe("two admins deciding the same recommended application at once", () => {
  it(
    `exactly one decision: one history row, one accreditation (none for a rejection), one audit row, one e-mail (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const organizationId = await make.organization(`Red en Carrera ${round}`);
        const member = await make.user("applicant", { locale: "en" });
        await make.member(organizationId, member.id);
        const applicationId = await make.application(organizationId, "recommended");
        const decisions = PAIRS[round % PAIRS.length]!;
        const reasons = [`Motivo A ${round}`, `Motivo B ${round}`];

        const outcome = await race(decisions.map((decision, i) => decideApplication(admins[i]!, { applicationId, decision, reason: reasons[i]! })));

        const { index } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["conflict"]);
        const decision = decisions[index]!;
        const admin = admins[index]!;
        expect(await decisionOf(applicationId, organizationId, member.email)).toEqual({
          status: STATUS_OF[decision],
          reason: reasons[index],
          decisions: [{ to: STATUS_OF[decision], by: admin.id, message: reasons[index] }],
          accreditations: decision === "reject" ? [] : [{ category: decision, status: "active", applicationId }],
          accreditationHistory: decision === "reject" ? [] : [{ event: "granted", category: decision, by: admin.id }],
          audit: [`application.decide_${decision}`],
          mails: 1,
        });
        return `${decision} over ${decisions[1 - index]}`;
      });
    },
    RACE_TIMEOUT,
  );
});
