import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { enqueueEmail, redactExpiredEmails } from "@/db/queries/outbox";
import { createSignInChallenge, deleteExpiredChallenges, pendingChallengeEmail, signInWithCode, signInWithToken } from "@/db/queries/sign-in-challenges";
import { auditLog, emailOutbox, sessions, signInChallenges, users } from "@/db/schema";
import { withoutDeactivatedUsers } from "@/lib/server/auth";
import { deliverOutboxMessage } from "@/lib/server/jobs/delivery";
import type { Locale } from "@/lib/domain";
import { MAX_CODE_ATTEMPTS } from "@/lib/server/sign-in-secrets";
import { startInbox } from "../support/smtp-inbox";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const HOUR = 60 * 60 * 1000;

const newEmail = () => `person-${randomUUID()}@example.org`;

async function ask(
  email: string,
  { locale = "es" as Locale, browserKey = "browser-a".padEnd(43, "x"), now }: { locale?: Locale; browserKey?: string; now?: Date } = {},
) {
  const challenge = await createSignInChallenge({ email, locale, callbackPath: `/${locale}/welcome`, browserKey, now });
  if (!challenge) throw new Error("no challenge");
  return { ...challenge, browserKey };
}

async function sessionsOf(email: string) {
  return testDb().db.select({ token: sessions.sessionToken }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(users.email, email));
}

async function storedLocale(email: string) {
  const [row] = await testDb().db.select({ locale: users.locale }).from(users).where(eq(users.email, email));
  return row?.locale;
}

describe("sign-in with the e-mail's link", () => {
  it("only reading the link changes nothing; the confirmation consumes it once and opens a session Auth.js reads", async () => {
    const email = newEmail();
    const { token } = await ask(email, { locale: "pt" });

    expect(await pendingChallengeEmail(token)).toBe(email);
    expect(await pendingChallengeEmail(token)).toBe(email);
    expect(await sessionsOf(email)).toHaveLength(0);

    const first = await signInWithToken(token);
    expect(first).toMatchObject({ ok: true, session: { locale: "pt", callbackPath: "/pt/welcome" } });
    expect(await signInWithToken(token)).toEqual({ ok: false, reason: "invalid" });
    expect(await pendingChallengeEmail(token)).toBeNull();

    const live = await sessionsOf(email);
    expect(live).toHaveLength(1);
    expect(await storedLocale(email)).toBe("pt");
    const adapter = await withoutDeactivatedUsers();
    const found = await adapter.getSessionAndUser!(live[0]!.token);
    expect(found?.user.email).toBe(email);
  });

  it("many confirmations of one link at once open exactly one session", async () => {
    const email = newEmail();
    const { token } = await ask(email);
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => signInWithToken(token)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(await sessionsOf(email)).toHaveLength(1);
  });

  it("an expired link or code signs no one in", async () => {
    const email = newEmail();
    const expired = await ask(email, { now: new Date(Date.now() - 2 * HOUR) });
    expect(await pendingChallengeEmail(expired.token)).toBeNull();
    expect(await signInWithToken(expired.token)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithCode({ challengeId: expired.id, browserKey: expired.browserKey, code: expired.code })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await sessionsOf(email)).toHaveLength(0);

    const fresh = await ask(newEmail());
    expect(await deleteExpiredChallenges()).toBeGreaterThanOrEqual(1);
    const left = await testDb().db.select({ id: signInChallenges.id }).from(signInChallenges).where(eq(signInChallenges.id, expired.id));
    expect(left).toHaveLength(0);
    expect(await pendingChallengeEmail(fresh.token)).not.toBeNull();
  });

  it("the sign-in stores the language it was asked in, over the one the account had", async () => {
    const email = newEmail();
    await testDb().db.insert(users).values({ email, role: "applicant", locale: "es" });
    const { token } = await ask(email, { locale: "en" });
    expect(await signInWithToken(token)).toMatchObject({ ok: true, session: { locale: "en" } });
    expect(await storedLocale(email)).toBe("en");
  });

  it("a staff sign-in is in the audit log; an applicant's is not", async () => {
    const staff = newEmail();
    const applicant = newEmail();
    const [reviewer] = await testDb().db.insert(users).values({ email: staff, role: "reviewer" }).returning({ id: users.id });
    await signInWithToken((await ask(staff)).token);
    await signInWithToken((await ask(applicant)).token);
    const rows = await testDb().db.select().from(auditLog).where(eq(auditLog.action, "staff.sign_in"));
    expect(rows.filter((row) => row.actorId === reviewer!.id)).toHaveLength(1);
    expect(rows).toHaveLength(1);
  });
});

describe("deactivated accounts", () => {
  it("get no sign-in request at all", async () => {
    const email = newEmail();
    await testDb().db.insert(users).values({ email, role: "reviewer", deactivatedAt: new Date() });
    expect(await createSignInChallenge({ email, locale: "es", callbackPath: "/es/welcome", browserKey: "k".repeat(43) })).toBeNull();
  });

  it("deactivated after asking: the link opens no session", async () => {
    const email = newEmail();
    await testDb().db.insert(users).values({ email, role: "reviewer" });
    const { token } = await ask(email);
    await testDb().db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.email, email));
    expect(await signInWithToken(token)).toEqual({ ok: false, reason: "invalid" });
    expect(await sessionsOf(email)).toHaveLength(0);
  });
});

describe("sign-in with the typed code", () => {
  it("works once, only in the browser that asked", async () => {
    const email = newEmail();
    const asked = await ask(email);
    const otherBrowser = { challengeId: asked.id, browserKey: "browser-b".padEnd(43, "y"), code: asked.code };

    expect(await signInWithCode(otherBrowser)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInWithCode({ challengeId: asked.id, browserKey: asked.browserKey, code: asked.code })).toMatchObject({ ok: true });
    expect(await signInWithCode({ challengeId: asked.id, browserKey: asked.browserKey, code: asked.code })).toEqual({
      ok: false,
      reason: "invalid",
    });
    // The link of a request consumed by its code no longer works either.
    expect(await signInWithToken(asked.token)).toEqual({ ok: false, reason: "invalid" });
    expect(await sessionsOf(email)).toHaveLength(1);
  });

  it(`locks the request after ${MAX_CODE_ATTEMPTS} wrong codes, even for the right one`, async () => {
    const email = newEmail();
    const asked = await ask(email);
    const wrong = asked.code === "00000000" ? "00000001" : "00000000";
    const attempt = (code: string) => signInWithCode({ challengeId: asked.id, browserKey: asked.browserKey, code });

    for (let i = 1; i < MAX_CODE_ATTEMPTS; i++) expect(await attempt(wrong)).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(wrong)).toEqual({ ok: false, reason: "locked" });
    expect(await attempt(asked.code)).toEqual({ ok: false, reason: "locked" });
    expect(await sessionsOf(email)).toHaveLength(0);
  });

  it("counts concurrent guesses: never more than the allowed attempts are compared", async () => {
    const email = newEmail();
    const asked = await ask(email);
    const guesses = Array.from({ length: 20 }, (_, i) => String(i).padStart(8, "9"));
    await Promise.all(guesses.map((code) => signInWithCode({ challengeId: asked.id, browserKey: asked.browserKey, code })));
    const [row] = await testDb().db.select({ attempts: signInChallenges.codeAttempts }).from(signInChallenges).where(eq(signInChallenges.id, asked.id));
    expect(row!.attempts).toBe(MAX_CODE_ATTEMPTS);
  });

  it("keeps neither the link's token nor the code in the database", async () => {
    const asked = await ask(newEmail());
    const [row] = await testDb().db.select().from(signInChallenges).where(eq(signInChallenges.id, asked.id));
    expect(JSON.stringify(row)).not.toContain(asked.token);
    expect(JSON.stringify(row)).not.toContain(asked.code);
    expect(JSON.stringify(row)).not.toContain(asked.browserKey);
  });
});

describe("the outbox's copy of a message carrying a secret", () => {
  const secretMail = (to: string, sensitiveUntil: Date) => ({
    to,
    subject: "Sign in",
    text: "Open https://portal.example/es/sign-in/confirm?token=SECRET or type 12345678",
    redactedText: "Open [removed]",
    sensitiveUntil,
  });
  const textOf = async (id: string) => (await testDb().db.select().from(emailOutbox).where(eq(emailOutbox.id, id)))[0]!;

  it("keeps the secret while pending, and only the redacted text once delivered", async () => {
    const id = await enqueueEmail(secretMail(newEmail(), new Date(Date.now() + HOUR)));
    expect((await textOf(id)).text).toContain("SECRET");
    const inbox = await startInbox();
    try {
      process.env.SMTP_URL = inbox.url;
      expect(await deliverOutboxMessage(id, { retryCount: 0, retryLimit: 1 })).toBe("sent");
      await expect.poll(() => inbox.received.length).toBe(1);
      expect(inbox.received[0]?.text).toContain("SECRET");
    } finally {
      delete process.env.SMTP_URL;
      await inbox.stop();
    }
    expect(await textOf(id)).toMatchObject({ status: "sent", text: "Open [removed]", redactedText: null });
  });

  it("redacts expired messages and leaves the others alone", async () => {
    const expired = await enqueueEmail(secretMail(newEmail(), new Date(Date.now() - 1000)));
    const pending = await enqueueEmail(secretMail(newEmail(), new Date(Date.now() + HOUR)));
    const plain = await enqueueEmail({ to: newEmail(), subject: "Receipt", text: "Received." });

    expect(await redactExpiredEmails(new Date())).toBe(1);
    expect((await textOf(expired)).text).toBe("Open [removed]");
    expect((await textOf(pending)).text).toContain("SECRET");
    expect((await textOf(plain)).text).toBe("Received.");
    expect(await redactExpiredEmails(new Date(Date.now() + 2 * HOUR))).toBe(1);
    expect((await textOf(pending)).text).toBe("Open [removed]");
  });
});
