import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { nominateDelegate, withdrawDelegate } from "@/db/queries/delegates-own";
import { decideDelegate } from "@/db/queries/delegates-staff";
import { auditLog, delegates } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import type { DelegateDecision } from "@/lib/delegates";
import { delegateFixtures } from "../support/delegate-fixtures";
import { factories } from "../support/factories";
import { alternate, race, RACE_REPEAT, RACE_TIMEOUT, refusals, repeat, soleWinner, useRaceDatabase } from "./support";

const testDb = useRaceDatabase();
const make = factories(() => testDb().db);
const { meeting, accredited, person } = delegateFixtures(() => testDb().db);

let reviewers: [Actor, Actor];
let meetingId: string;

beforeAll(async () => {
  reviewers = [await make.user("reviewer"), await make.user("reviewer")];
  meetingId = await meeting();
});

/** A fresh organization's nominated delegate. */
async function nominated() {
  const { organizationId, member } = await accredited();
  const details = person();
  const { delegateId } = await nominateDelegate(member, { organizationId, meetingId, ...details });
  return { organizationId, member, delegateId, email: details.email };
}

/** The delegate's row, the decisions and withdrawals audited on it, and the decision e-mails the delegate received. */
async function delegateState(delegateId: string, email: string) {
  const { db } = testDb();
  const [row] = await db.select().from(delegates).where(eq(delegates.id, delegateId));
  const audit = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, delegateId), like(auditLog.action, "delegate.%")));
  return {
    status: row!.status,
    decidedById: row!.decidedById,
    decisionReason: row!.decisionReason,
    audit: audit.map((entry) => entry.action).filter((action) => action !== "delegate.nominate"),
    mails: (await make.mailTo(email)).filter((mail) => mail.kind === "delegate-confirm" || mail.kind === "delegate-decline").length,
  };
}

describe("deciding on one delegate at once", () => {
  it(
    `two reviewers, confirm against decline: one decision, by its reviewer, one audit row, one e-mail (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { delegateId, email } = await nominated();
        const decisions: DelegateDecision[] = round % 2 === 0 ? ["confirm", "decline"] : ["decline", "confirm"];
        const reason = `Registro duplicado ${round}`;

        const outcome = await race(
          decisions.map((decision, i) => decideDelegate(reviewers[i]!, { delegateId, decision, reason: decision === "decline" ? reason : null })),
        );

        const { index } = soleWinner(outcome);
        expect(refusals(outcome)).toEqual(["conflict"]);
        const decision = decisions[index]!;
        expect(await delegateState(delegateId, email)).toEqual({
          status: decision === "confirm" ? "confirmed" : "declined",
          decidedById: reviewers[index]!.id,
          decisionReason: decision === "decline" ? reason : null,
          audit: [`delegate.${decision}`],
          mails: 1,
        });
        return decision;
      });
    },
    RACE_TIMEOUT,
  );

  it(
    `a reviewer's confirmation against the organization's withdrawal: the delegate always ends withdrawn, never confirmed after it (×${RACE_REPEAT})`,
    async () => {
      await repeat(RACE_REPEAT, async (round) => {
        const { organizationId, member, delegateId, email } = await nominated();
        const attempts = alternate(round, [
          { side: "confirmation", run: () => decideDelegate(reviewers[0], { delegateId, decision: "confirm" }) },
          { side: "withdrawal", run: () => withdrawDelegate(member, { organizationId, delegateId }) },
        ] as const);

        const outcome = await race<unknown>(attempts.map((attempt) => attempt.run()));

        // Either order is allowed: confirmed then withdrawn (both succeed), or withdrawn first (the confirmation is refused).
        const withdrawal = outcome.won.find(({ index }) => attempts[index]!.side === "withdrawal");
        expect(withdrawal, `the withdrawal (refusals: ${refusals(outcome).join(", ")})`).toBeDefined();
        const confirmedFirst = (withdrawal!.value as { wasConfirmed: boolean }).wasConfirmed;
        expect(outcome.won).toHaveLength(confirmedFirst ? 2 : 1);
        expect(refusals(outcome)).toEqual(confirmedFirst ? [] : ["conflict"]);
        const state = await delegateState(delegateId, email);
        expect(state.status).toBe("withdrawn");
        expect(state.audit.sort()).toEqual(confirmedFirst ? ["delegate.confirm", "delegate.withdraw"] : ["delegate.withdraw"]);
        expect(state.mails).toBe(confirmedFirst ? 1 : 0);
        return confirmedFirst ? "confirmed, then withdrawn" : "withdrawn first";
      });
    },
    RACE_TIMEOUT,
  );
});
