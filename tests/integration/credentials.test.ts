import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { meetingAttendance, recordArrival } from "@/db/queries/attendance";
import { invitationLetter, reissueCredential, verifyCredential } from "@/db/queries/delegate-credentials";
import { nominateDelegate, substituteDelegate, withdrawDelegate } from "@/db/queries/delegates-own";
import { decideDelegate } from "@/db/queries/delegates-staff";
import { getPublicOrganization } from "@/db/queries/public-register";
import { delegateCredentials, emailOutbox, meetings } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { formatCode } from "@/lib/credentials";
import { dayOf } from "@/lib/meeting-schema";
import { signedBadgeToken } from "@/lib/server/credential-token";
import { delegateFixtures } from "../support/delegate-fixtures";
import { expectAppError, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const { meeting, accredited, person } = delegateFixtures(() => testDb().db);

let reviewer: Actor;

beforeAll(async () => {
  reviewer = await make.user("reviewer");
});

/** A confirmed delegate of a new accredited organization for `meetingId`, and its live code. */
async function confirmedDelegate(meetingId: string) {
  const { organizationId, member } = await accredited({ country: "AR" });
  const details = person({ name: "Joaquín Peña" });
  const { delegateId } = await nominateDelegate(member, { organizationId, meetingId, ...details });
  await decideDelegate(reviewer, { delegateId, decision: "confirm" });
  return { organizationId, member, delegateId, email: details.email, code: await liveCode(delegateId) };
}

async function liveCode(delegateId: string): Promise<string | null> {
  const [row] = await testDb()
    .db.select({ code: delegateCredentials.code })
    .from(delegateCredentials)
    .where(and(eq(delegateCredentials.delegateId, delegateId), isNull(delegateCredentials.revokedAt)));
  return row?.code ?? null;
}

/** The meeting is now under way: yesterday to tomorrow, so today is one of its days (nominations are closed). */
async function startMeeting(meetingId: string): Promise<void> {
  const day = (offset: number) => new Date(Date.now() + offset * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await testDb()
    .db.update(meetings)
    .set({ startsOn: day(-1), endsOn: day(1) })
    .where(eq(meetings.id, meetingId));
}

describe("letters and badges", () => {
  it("a confirmation issues a code, and the confirmation e-mail carries that code's badge", async () => {
    const { delegateId, code } = await confirmedDelegate(await meeting());
    expect(code).toMatch(/^[0-9A-Z]{12}$/);
    const [credential] = await testDb().db.select().from(delegateCredentials).where(eq(delegateCredentials.code, code!));
    const [mail] = await testDb().db.select().from(emailOutbox).where(eq(emailOutbox.badgeCredentialId, credential!.id));
    expect(mail?.kind).toBe("delegate-confirm");
    expect(credential!.delegateId).toBe(delegateId);
  });

  it("gives the letter to the organization's members and staff only, and only for a confirmed delegate", async () => {
    const { delegateId, member } = await confirmedDelegate(await meeting());
    const letter = await invitationLetter(member, delegateId);
    expect(letter?.fileName).toMatch(/^invitation-.*joaquin-pena\.pdf$/);
    expect(Buffer.from(letter!.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await invitationLetter(reviewer, delegateId)).not.toBeNull();
    const outsider = await accredited();
    expect(await invitationLetter(outsider.member, delegateId)).toBeNull();
    await expectAppError(invitationLetter(null, delegateId), "unauthenticated");
  });

  it("a reissue and a substitution each revoke the code in use: the verification page says so", async () => {
    const meetingId = await meeting();
    const { delegateId, organizationId, member, code, email } = await confirmedDelegate(meetingId);
    const [{ number } = { number: "" }] = await testDb().db.select({ number: meetings.number }).from(meetings).where(eq(meetings.id, meetingId));
    expect(await verifyCredential(formatCode(code!).toLowerCase())).toMatchObject({ status: "genuine", name: "Joaquín Peña" });

    await reissueCredential(reviewer, { delegateId });
    const reissued = await liveCode(delegateId);
    // The delegate receives the new badge, in the organization's language (an Argentine one: Spanish).
    const [reissueMail] = (await make.mailTo(email)).filter((mail) => mail.kind === "delegate-reissue");
    expect(reissueMail?.subject).toBe(`Su nueva credencial para la ${number} CSM`);
    expect(reissued).not.toBe(code);
    expect(await verifyCredential(code!)).toEqual({ status: "revoked" });
    expect(await verifyCredential(reissued!)).toMatchObject({ status: "genuine" });

    await substituteDelegate(member, { organizationId, delegateId, ...person() });
    expect(await liveCode(delegateId)).toBeNull();
    expect(await verifyCredential(reissued!)).toEqual({ status: "revoked" });
    expect(await verifyCredential("ZZZZ-ZZZZ-ZZZZ")).toEqual({ status: "unknown" });
    await expectAppError(reissueCredential(member, { delegateId }), "forbidden");
  });
  it("a withdrawal of a confirmed delegate cancels the code: refused at the entrance as withdrawn", async () => {
    const meetingId = await meeting();
    const { delegateId, organizationId, member, code } = await confirmedDelegate(meetingId);
    await withdrawDelegate(member, { organizationId, delegateId });
    expect(await liveCode(delegateId)).toBeNull();
    expect(await verifyCredential(code!)).toEqual({ status: "revoked" });
    await startMeeting(meetingId);
    expect(await recordArrival(reviewer, { meetingId, day: dayOf(new Date()), code: signedBadgeToken(code!) })).toMatchObject({
      outcome: "withdrawn",
      holder: { name: "Joaquín Peña" },
    });
  });
});

describe("the entrance", () => {
  it("records one arrival a day, whether the badge is scanned or its code typed, and refuses what is not a live badge of this meeting", async () => {
    const meetingId = await meeting();
    const today = dayOf(new Date());
    const { code, organizationId } = await confirmedDelegate(meetingId);
    const second = await confirmedDelegate(meetingId);
    await startMeeting(meetingId);
    const token = signedBadgeToken(code!);

    expect(await recordArrival(reviewer, { meetingId, day: today, code: token })).toMatchObject({ outcome: "arrived", holder: { name: "Joaquín Peña" } });
    expect(await recordArrival(reviewer, { meetingId, day: today, code: formatCode(code!) })).toMatchObject({ outcome: "already" });
    expect(await recordArrival(reviewer, { meetingId, day: today, code: `${token.slice(0, -3)}abc` })).toEqual({ outcome: "forged" });
    expect(await recordArrival(reviewer, { meetingId, day: "2001-01-01", code: token })).toMatchObject({ outcome: "not_meeting_day" });

    const elsewhere = await confirmedDelegate(await meeting());
    expect(await recordArrival(reviewer, { meetingId, day: today, code: elsewhere.code! })).toMatchObject({ outcome: "other_meeting" });

    // Two phones at the same moment: one arrival.
    const outcomes = await Promise.all([0, 1].map(() => recordArrival(reviewer, { meetingId, day: today, code: second.code! })));
    expect(outcomes.map((result) => result.outcome).sort()).toEqual(["already", "arrived"]);

    const figures = await meetingAttendance(reviewer, meetingId);
    expect(figures).toMatchObject({ people: 2, confirmed: 2, byCategory: [{ category: "participant", count: 2 }], byCountry: [{ country: "AR", count: 2 }] });

    // The organization's public page counts the meeting as one it took part in.
    const page = await getPublicOrganization(organizationId);
    expect(page?.meetings.find((listed) => listed.attended)).toBeTruthy();

    const applicant = await make.user("applicant");
    await expectAppError(recordArrival(applicant, { meetingId, day: today, code: token }), "forbidden");
  });
});
