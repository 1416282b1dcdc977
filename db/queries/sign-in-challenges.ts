import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Locale, Role } from "@/lib/domain";
import { clientKeyHash, codeHash, keyedHash, MAX_CODE_ATTEMPTS, randomCode, randomToken, SIGN_IN_TTL_SECONDS } from "@/lib/server/sign-in-secrets";
import { type Executor, getDb } from "../client";
import { sessions, signInChallenges, users } from "../schema";
import { recordAudit } from "./audit";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const tokenHash = (token: string) => keyedHash("sign-in-link", token);

export type NewChallenge = { id: string; token: string; code: string; expiresAt: Date };

/**
 * A new sign-in request for `email`, or null when the address belongs to a deactivated account
 * (the caller answers as if it had been sent). `browserKey` is the asking browser's cookie value.
 */
export async function createSignInChallenge(input: {
  email: string;
  locale: Locale;
  callbackPath: string;
  browserKey: string;
  now?: Date;
}): Promise<NewChallenge | null> {
  const db = await getDb();
  const [account] = await db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.email, input.email));
  if (account?.deactivatedAt) return null;
  const id = crypto.randomUUID();
  const token = randomToken();
  const code = randomCode();
  const expiresAt = new Date((input.now ?? new Date()).getTime() + SIGN_IN_TTL_SECONDS * 1000);
  await db.insert(signInChallenges).values({
    id,
    tokenHash: tokenHash(token),
    codeHash: codeHash(id, code),
    clientKey: clientKeyHash(input.browserKey),
    email: input.email,
    locale: input.locale,
    callbackPath: input.callbackPath,
    expiresAt,
  });
  return { id, token, code, expiresAt };
}

/** Who a link would sign in, for the confirmation page; reading it changes nothing. */
export async function pendingChallengeEmail(token: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ email: signInChallenges.email })
    .from(signInChallenges)
    .where(and(eq(signInChallenges.tokenHash, tokenHash(token)), isNull(signInChallenges.consumedAt), gt(signInChallenges.expiresAt, sql`now()`)));
  return row?.email ?? null;
}

export type SignedIn = { sessionToken: string; expires: Date; locale: Locale; callbackPath: string };
export type SignInOutcome = { ok: true; session: SignedIn } | { ok: false; reason: "invalid" | "locked" };

type Consumed = { email: string; locale: Locale; callbackPath: string };

/** Consumes the request the link names (once, before it expires) and opens a session. */
export async function signInWithToken(token: string): Promise<SignInOutcome> {
  const db = await getDb();
  return refusingDeactivated(async () =>
    db.transaction(async (tx) => {
      const [consumed] = await tx
        .update(signInChallenges)
        .set({ consumedAt: sql`now()` })
        .where(and(eq(signInChallenges.tokenHash, tokenHash(token)), isNull(signInChallenges.consumedAt), gt(signInChallenges.expiresAt, sql`now()`)))
        .returning({ email: signInChallenges.email, locale: signInChallenges.locale, callbackPath: signInChallenges.callbackPath });
      return consumed ? openSession(tx, consumed) : { ok: false, reason: "invalid" };
    }),
  );
}

/**
 * Consumes the request with a typed code, only from the browser that asked for it. Every attempt
 * counts, in its own transaction, before the code is compared; after MAX_CODE_ATTEMPTS the request is locked.
 */
export async function signInWithCode(input: { challengeId: string; browserKey: string; code: string }): Promise<SignInOutcome> {
  const db = await getDb();
  const live = and(
    eq(signInChallenges.id, input.challengeId),
    eq(signInChallenges.clientKey, clientKeyHash(input.browserKey)),
    isNull(signInChallenges.consumedAt),
    gt(signInChallenges.expiresAt, sql`now()`),
  );
  const [counted] = await db
    .update(signInChallenges)
    .set({ codeAttempts: sql`${signInChallenges.codeAttempts} + 1` })
    .where(and(live, lt(signInChallenges.codeAttempts, MAX_CODE_ATTEMPTS)))
    .returning({ attempts: signInChallenges.codeAttempts });
  if (!counted) {
    const [locked] = await db
      .select({ one: sql`1` })
      .from(signInChallenges)
      .where(live);
    return { ok: false, reason: locked ? "locked" : "invalid" };
  }
  return refusingDeactivated(async () =>
    db.transaction(async (tx) => {
      const [consumed] = await tx
        .update(signInChallenges)
        .set({ consumedAt: sql`now()` })
        .where(and(live, eq(signInChallenges.codeHash, codeHash(input.challengeId, input.code))))
        .returning({ email: signInChallenges.email, locale: signInChallenges.locale, callbackPath: signInChallenges.callbackPath });
      if (consumed) return openSession(tx, consumed);
      return { ok: false, reason: counted.attempts >= MAX_CODE_ATTEMPTS ? "locked" : "invalid" };
    }),
  );
}

/**
 * The first sign-in of an address creates its applicant account; every sign-in stores the language
 * it was asked in. A deactivated account gets no session (the transaction rolls back).
 */
async function openSession(tx: Executor, consumed: Consumed): Promise<SignInOutcome> {
  const [user] = await tx
    .insert(users)
    .values({ email: consumed.email, emailVerified: new Date(), locale: consumed.locale })
    .onConflictDoUpdate({
      target: users.email,
      set: { locale: consumed.locale, emailVerified: sql`coalesce(${users.emailVerified}, now())` },
    })
    .returning({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt });
  if (!user || user.deactivatedAt) throw new DeactivatedAccount();
  const sessionToken = crypto.randomUUID();
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await tx.insert(sessions).values({ sessionToken, userId: user.id, expires });
  if ((user.role as Role) !== "applicant") {
    await recordAudit(tx, { actorId: user.id, action: "staff.sign_in", targetType: "user", targetId: user.id });
  }
  return { ok: true, session: { sessionToken, expires, locale: consumed.locale, callbackPath: consumed.callbackPath } };
}

class DeactivatedAccount extends Error {}

/** A deactivated account's refusal as an ordinary outcome, after its transaction rolled back. */
async function refusingDeactivated(attempt: () => Promise<SignInOutcome>): Promise<SignInOutcome> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof DeactivatedAccount) return { ok: false, reason: "invalid" };
    throw error;
  }
}

/** Housekeeping: requests past their expiry (consumed or not) are of no further use. */
export async function deleteExpiredChallenges(now = new Date(), executor?: Executor): Promise<number> {
  const db = executor ?? (await getDb());
  const deleted = await db.delete(signInChallenges).where(lt(signInChallenges.expiresAt, now)).returning({ id: signInChallenges.id });
  return deleted.length;
}
