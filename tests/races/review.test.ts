import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { recommendApplication, requestInformation, startReview } from "@/db/queries/review-actions";
import { applications, auditLog } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { SectionId } from "@/lib/application-sections";
import { factories } from "../support/factories";
import { alternate, race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);

let reviewers: [Actor, Actor];

beforeAll(async () => {
  reviewers = [await make.user("reviewer"), await make.user("reviewer")];
});

/** A fresh organization with one member (who gets the applicant's e-mails) and an application in `status`. */
async function applicationIn(status: "submitted" | "in_review") {
  const organizationId = await make.organization(`Red Revisada ${crypto.randomUUID().slice(0, 8)}`);
  const member = await make.user("applicant", { locale: "es" });
  await make.member(organizationId, member.id);
  const applicationId = await make.application(organizationId, status);
  return { applicationId, member };
}

/** The application's status, its transition and assignment rows, its audit actions and the member's e-mails. */
async function reviewOf(applicationId: string, memberEmail: string) {
  const { db } = testDb();
  const [application] = await db.select().from(applications).where(eq(applications.id, applicationId));
  const history = await make.historyOf(applicationId);
  const audit = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, applicationId), eq(auditLog.targetType, "application")));
  return {
    application: application!,
    transitions: history
      .filter((row) => row.kind === "transition")
      .map((row) => ({ move: `${row.fromStatus}→${row.toStatus}`, by: row.actorId, message: row.message, data: row.data })),
    assignments: history.filter((row) => row.kind === "assignment").map((row) => ({ by: row.actorId, data: row.data })),
    audit: audit.map((row) => row.action),
    mails: (await make.mailTo(memberEmail)).map((mail) => mail.text),
  };
}

describe("two reviewers doing the same review step at once", () => {
  it(
    `start review: one transition, and the application is assigned to the winner once (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async () => {
        const { applicationId, member } = await applicationIn("submitted");

        const outcome = await race(reviewers.map((reviewer) => startReview(reviewer, { applicationId })));

        const { index } = soleWinner(outcome);
        const winner = reviewers[index]!;
        expect(refusals(outcome)).toEqual(["conflict"]);
        const review = await reviewOf(applicationId, member.email);
        expect(review.application).toMatchObject({ status: "in_review", assignedReviewerId: winner.id });
        expect(review.transitions).toMatchObject([{ move: "submitted→in_review", by: winner.id }]);
        expect(review.assignments).toEqual([{ by: winner.id, data: { reviewerId: winner.id } }]);
        expect(review.audit).toEqual(["application.start_review"]);
        return `reviewer ${index + 1}`;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `request information: one request, with the winner's message and sections, e-mailed once (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { applicationId, member } = await applicationIn("in_review");
        const requests: { message: string; sections: SectionId[] }[] = [
          { message: `Adjunte el estatuto ${round}.`, sections: ["documents"] },
          { message: `Explique su financiamiento ${round}.`, sections: ["governance", "work"] },
        ];

        const outcome = await race(reviewers.map((reviewer, i) => requestInformation(reviewer, { applicationId, ...requests[i]! })));

        const { index } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["conflict"]);
        const review = await reviewOf(applicationId, member.email);
        expect(review.application.status).toBe("info_requested");
        expect(review.transitions).toEqual([
          {
            move: "in_review→info_requested",
            by: reviewers[index]!.id,
            message: requests[index]!.message,
            data: { transition: "request_info", sections: requests[index]!.sections },
          },
        ]);
        expect(review.audit).toEqual(["application.request_info"]);
        expect(review.mails).toHaveLength(1);
        expect(review.mails[0]).toContain(requests[index]!.message);
        return `reviewer ${index + 1}`;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `recommend: one recommendation, the winner's, with its rationale (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { applicationId, member } = await applicationIn("in_review");
        const recommendations = alternate(round, [
          { recommendation: "participant", rationale: `Cumple los seis criterios ${round}.` },
          { recommendation: "reject", rationale: `No trabaja en movilidad humana ${round}.` },
        ] as const);

        const outcome = await race(reviewers.map((reviewer, i) => recommendApplication(reviewer, { applicationId, ...recommendations[i]! })));

        const { index } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["conflict"]);
        const { recommendation, rationale } = recommendations[index]!;
        const review = await reviewOf(applicationId, member.email);
        expect(review.application).toMatchObject({
          status: "in_consultation",
          recommendation: recommendation === "reject" ? null : recommendation,
          recommendsRejection: recommendation === "reject",
          recommendationRationale: rationale,
        });
        expect(review.transitions).toMatchObject([{ move: "in_review→in_consultation", by: reviewers[index]!.id, data: { recommendation } }]);
        expect(review.audit).toEqual(["application.recommend"]);
        expect(review.mails).toEqual([]);
        return recommendation;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `request information against recommend: one step, and an e-mail only if the request won (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { applicationId, member } = await applicationIn("in_review");
        const message = `Falta el informe ${round}.`;
        const attempts = alternate(round, [
          { step: "request information", run: () => requestInformation(reviewers[0], { applicationId, message, sections: ["documents"] }) },
          { step: "recommend", run: () => recommendApplication(reviewers[1], { applicationId, recommendation: "observer", rationale: "Suficiente." }) },
        ] as const);

        const outcome = await race<void>(attempts.map((attempt) => attempt.run()));

        const { step } = attempts[soleWinner(outcome).index]!;
        const requested = step === "request information";
        expect(refusals(outcome)).toEqual(["conflict"]);
        const review = await reviewOf(applicationId, member.email);
        expect(review.application.status).toBe(requested ? "info_requested" : "in_consultation");
        expect(review.transitions.map((row) => row.move)).toEqual([requested ? "in_review→info_requested" : "in_review→in_consultation"]);
        expect(review.audit).toEqual([requested ? "application.request_info" : "application.recommend"]);
        expect(review.mails).toHaveLength(requested ? 1 : 0);
        return step;
      });
    },
    RACE_TIMEOUT,
  );
});
