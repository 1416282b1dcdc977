import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { answerConsultation } from "@/db/queries/consultations";
import { consultationAnswers, consultations } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { ConsultationAnswerInput } from "@/lib/consultation";
import { factories } from "../support/factories";
import { alternate, race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);

let focalPoints: [Actor, Actor];
let admin: Actor;

beforeAll(async () => {
  focalPoints = [await make.user("state", { stateCountry: "AR" }), await make.user("state", { stateCountry: "AR" })];
  admin = await make.user("admin");
});

/** An application in consultation, its window open for a week. */
async function inConsultation(): Promise<string> {
  const organizationId = await make.organization(`Red Consultada ${crypto.randomUUID().slice(0, 8)}`);
  const applicationId = await make.application(organizationId, "in_consultation", { recommendation: "participant", recommendationRationale: "Cumple." });
  const now = new Date();
  await testDb()
    .db.insert(consultations)
    .values({ applicationId, opensAt: now, closesAt: new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000) });
  return applicationId;
}

describe("member states answering at once", () => {
  it(
    `two focal points of one state answer together: both are taken, one answer is left, whole (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const applicationId = await inConsultation();
        const answers: ConsultationAnswerInput[] = [
          { applicationId, answer: "objection", criteria: ["independent"], reasons: `Depende de un partido ${round}.` },
          { applicationId, answer: "no_objection", reasons: "" },
        ];
        const pair = alternate(round, [0, 1] as const);

        const outcome = await race(pair.map((index) => answerConsultation(focalPoints[index]!, answers[index]!)));

        expect(refusals(outcome)).toEqual([]);
        const rows = await testDb().db.select().from(consultationAnswers).where(eq(consultationAnswers.applicationId, applicationId));
        expect(rows).toHaveLength(1);
        const [row] = rows;
        const kept = row!.answer === "objection" ? answers[0]! : answers[1]!;
        expect(row).toMatchObject({ country: "AR", criteria: kept.criteria ?? [], reasons: kept.reasons || null });
        const notes = (await make.historyOf(applicationId)).filter((entry) => entry.kind === "note");
        expect(notes).toHaveLength(2);
        return row!.answer;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `an answer against an early decision: it lands before the close or is refused, never after (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const applicationId = await inConsultation();
        const attempts: [() => Promise<unknown>, () => Promise<unknown>] = [
          () => answerConsultation(focalPoints[0], { applicationId, answer: "no_objection" }),
          () => decideApplication(admin, { applicationId, decision: "participant", reason: "Cumple.", earlyCloseReason: "La plenaria es mañana." }),
        ];

        const outcome = await race(alternate(round, attempts).map((attempt) => attempt()));

        const [consultation] = await testDb().db.select().from(consultations).where(eq(consultations.applicationId, applicationId));
        expect(consultation!.closedAt).not.toBeNull();
        const rows = await testDb().db.select().from(consultationAnswers).where(eq(consultationAnswers.applicationId, applicationId));
        if (rows.length === 1) {
          expect(refusals(outcome)).toEqual([]);
          expect(rows[0]!.answeredAt.getTime()).toBeLessThanOrEqual(consultation!.closedAt!.getTime());
          return "answered first";
        }
        expect(refusals(outcome)).toEqual(["consultation_closed"]);
        return "closed first";
      });
    },
    RACE_TIMEOUT,
  );
});
