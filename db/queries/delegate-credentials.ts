import "server-only";
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Actor, assertCan } from "@/lib/actor";
import { type BadgeLayout, formatCode, normalizeCode, reissueSchema } from "@/lib/credentials";
import type { AccreditationCategory, Locale } from "@/lib/domain";
import { portalUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { can } from "@/lib/permissions";
import { renderBadges, type BadgeContent } from "@/lib/server/credentials/badges-pdf";
import { renderInvitationLetter } from "@/lib/server/credentials/invitation-letter-pdf";
import { newCredentialCode, signedBadgeToken } from "@/lib/server/credential-token";
import { type Executor, getDb, type Transaction } from "../client";
import { accreditations, delegateCredentials, delegates, meetings, organizationMembers, organizations, users } from "../schema";
import { recordAudit } from "./audit";
import { type Notice, queueNotices } from "./outbox";
import { organizationLanguage } from "./delegates-staff";

export type RevokeReason = "reissued" | "edited" | "withdrawn" | "substituted";

/** Revokes the delegate's live code, if any: its letter and badge stop being genuine. */
export async function revokeCredential(tx: Executor, delegateId: string, reason: RevokeReason): Promise<void> {
  await tx
    .update(delegateCredentials)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(delegateCredentials.delegateId, delegateId), isNull(delegateCredentials.revokedAt)));
}

/** A new code for the delegate, revoking the one before: what a confirmation and a reissue do. */
export async function issueCredential(tx: Transaction, delegateId: string, issuedById: string | null): Promise<{ id: string; code: string }> {
  await revokeCredential(tx, delegateId, "reissued");
  const [row] = await tx
    .insert(delegateCredentials)
    .values({ delegateId, code: newCredentialCode(), issuedById })
    .returning({ id: delegateCredentials.id, code: delegateCredentials.code });
  return row!;
}

/**
 * The confirmed delegates' live codes, by delegate id; one confirmed before codes existed gets its
 * first here. Two statements whatever the number of delegates; the partial unique index lets a
 * concurrent first request win, and this one then reads its code.
 */
async function liveCredentials(executor: Executor, delegateIds: string[]): Promise<Map<string, { code: string; issuedAt: Date }>> {
  if (delegateIds.length === 0) return new Map();
  await executor
    .insert(delegateCredentials)
    .values(delegateIds.map((delegateId) => ({ delegateId, code: newCredentialCode() })))
    .onConflictDoNothing({ target: delegateCredentials.delegateId, where: sql`${delegateCredentials.revokedAt} is null` });
  const rows = await executor
    .select({ delegateId: delegateCredentials.delegateId, code: delegateCredentials.code, issuedAt: delegateCredentials.issuedAt })
    .from(delegateCredentials)
    .where(and(inArray(delegateCredentials.delegateId, delegateIds), isNull(delegateCredentials.revokedAt)));
  return new Map(rows.map(({ delegateId, ...credential }) => [delegateId, credential]));
}

const meetingColumns = {
  number: meetings.number,
  city: meetings.city,
  hostCountry: meetings.hostCountry,
  startsOn: meetings.startsOn,
  endsOn: meetings.endsOn,
};

const confirmedDelegateColumns = {
  id: delegates.id,
  organizationId: delegates.organizationId,
  status: delegates.status,
  name: delegates.name,
  email: delegates.email,
  nationality: delegates.nationality,
  roleInOrganization: delegates.roleInOrganization,
  organizationName: organizations.legalName,
  country: organizations.country,
  nominatorLocale: users.locale,
  ...meetingColumns,
};

async function selectDelegate(executor: Executor, delegateId: string) {
  const [row] = await executor
    .select(confirmedDelegateColumns)
    .from(delegates)
    .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
    .innerJoin(meetings, eq(meetings.id, delegates.meetingId))
    .leftJoin(users, eq(users.id, delegates.nominatedById))
    .where(eq(delegates.id, delegateId));
  return row ?? null;
}

async function isMember(executor: Executor, actor: Actor, organizationId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, actor.id)));
  return Boolean(row);
}

export type PdfFile = { fileName: string; bytes: Uint8Array };

const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()
    .slice(0, 60);

/**
 * A confirmed delegate's letter of invitation, in the delegate's language unless `locale` is given:
 * for the members of the delegate's organization and for staff; null when there is none to give.
 */
export async function invitationLetter(actor: Actor | null, delegateId: string, locale?: Locale): Promise<PdfFile | null> {
  const staff = can(actor?.role, "credential:issue");
  if (!staff) assertCan(actor, "delegate:letters-own");
  if (!z.uuid().safeParse(delegateId).success) return null;
  const db = await getDb();
  const delegate = await selectDelegate(db, delegateId);
  if (!delegate || delegate.status !== "confirmed") return null;
  if (!staff && !(actor && (await isMember(db, actor, delegate.organizationId)))) return null;
  const credential = (await liveCredentials(db, [delegateId])).get(delegateId)!;
  const language = locale ?? organizationLanguage(delegate.nominatorLocale, delegate.country);
  const bytes = await renderInvitationLetter({
    locale: language,
    code: formatCode(credential.code),
    verifyUrl: portalUrl(`/${language}/verify/${formatCode(credential.code)}`),
    issuedOn: credential.issuedAt,
    delegate: { name: delegate.name, nationality: delegate.nationality, roleInOrganization: delegate.roleInOrganization },
    organization: { name: delegate.organizationName, country: delegate.country },
    meeting: delegate,
  });
  return { fileName: `invitation-${slug(delegate.number)}-${slug(delegate.name)}.pdf`, bytes };
}

type BadgeHolder = { name: string; organizationName: string; country: string | null; category: AccreditationCategory | null };

/** What one badge prints; an organization without a category row is printed as an observer, the lesser one. */
function badgeContent(holder: BadgeHolder, code: string): BadgeContent {
  return {
    name: holder.name,
    organization: holder.organizationName,
    country: holder.country,
    category: holder.category ?? "observer",
    token: signedBadgeToken(code),
    code: formatCode(code),
  };
}

/** Every confirmed delegate's badge for a meeting, in one PDF (sheets of eight, or one per page). */
export async function meetingBadges(actor: Actor | null, meetingId: string, layout: BadgeLayout, locale: Locale): Promise<PdfFile | null> {
  assertCan(actor, "credential:issue");
  if (!z.uuid().safeParse(meetingId).success) return null;
  const db = await getDb();
  const [meeting] = await db.select(meetingColumns).from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) return null;
  const confirmed = await db
    .select({
      id: delegates.id,
      name: delegates.name,
      organizationName: organizations.legalName,
      country: organizations.country,
      category: accreditations.category,
    })
    .from(delegates)
    .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
    .leftJoin(accreditations, eq(accreditations.organizationId, delegates.organizationId))
    .where(and(eq(delegates.meetingId, meetingId), eq(delegates.status, "confirmed")))
    .orderBy(asc(organizations.legalName), asc(delegates.name));
  const codes = await liveCredentials(
    db,
    confirmed.map((delegate) => delegate.id),
  );
  const badges = confirmed.map((delegate) => badgeContent(delegate, codes.get(delegate.id)!.code));
  return { fileName: `badges-${slug(meeting.number)}-${layout}.pdf`, bytes: await renderBadges(meeting, badges, layout, locale) };
}

/** A code with its delegate, organization and meeting, by the code or by the credential's id. */
async function findCredential(where: SQL) {
  const db = await getDb();
  const [row] = await db
    .select({
      code: delegateCredentials.code,
      revokedAt: delegateCredentials.revokedAt,
      status: delegates.status,
      name: delegates.name,
      organizationName: organizations.legalName,
      country: organizations.country,
      category: accreditations.category,
      nominatorLocale: users.locale,
      ...meetingColumns,
    })
    .from(delegateCredentials)
    .innerJoin(delegates, eq(delegates.id, delegateCredentials.delegateId))
    .innerJoin(organizations, eq(organizations.id, delegates.organizationId))
    .innerJoin(meetings, eq(meetings.id, delegates.meetingId))
    .leftJoin(accreditations, eq(accreditations.organizationId, delegates.organizationId))
    .leftJoin(users, eq(users.id, delegates.nominatedById))
    .where(where);
  return row ? { ...row, live: !row.revokedAt && row.status === "confirmed" } : null;
}

/** The badge a confirmation e-mail carries, made when it is sent; null once that code is no longer live. */
export async function badgeAttachment(credentialId: string): Promise<PdfFile | null> {
  const row = await findCredential(eq(delegateCredentials.id, credentialId));
  if (!row?.live) return null;
  const bytes = await renderBadges(row, [badgeContent(row, row.code)], "single", organizationLanguage(row.nominatorLocale, row.country));
  return { fileName: `badge-${slug(row.number)}-${slug(row.name)}.pdf`, bytes };
}

/** Staff replace a confirmed delegate's letter and badge (lost, or printed wrong): the old code stops working. */
export async function reissueCredential(actor: Actor | null, input: { delegateId: string }): Promise<{ meetingId: string; name: string }> {
  assertCan(actor, "credential:issue");
  const parsed = reissueSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  const { delegateId } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [delegate] = await tx
      .select({ meetingId: delegates.meetingId, organizationId: delegates.organizationId, name: delegates.name, status: delegates.status })
      .from(delegates)
      .where(eq(delegates.id, delegateId))
      .for("update");
    if (!delegate) throw new AppError("not_found");
    if (delegate.status !== "confirmed") throw new AppError("conflict");
    const credential = await issueCredential(tx, delegateId, actor.id);
    const auditId = await recordAudit(tx, {
      actorId: actor.id,
      action: "delegate.reissue_credential",
      targetType: "delegate",
      targetId: delegateId,
      data: { organizationId: delegate.organizationId, meetingId: delegate.meetingId, credentialId: credential.id },
    });
    await queueNotices(tx, [await reissueNotice(tx, delegateId, credential.id, auditId)]);
    return { meetingId: delegate.meetingId, name: delegate.name };
  });
}

/** The delegate's new badge, by e-mail in the organization's language, queued with the reissue. */
async function reissueNotice(tx: Transaction, delegateId: string, credentialId: string, auditId: string): Promise<Notice> {
  const delegate = (await selectDelegate(tx, delegateId))!;
  const t = translator(organizationLanguage(delegate.nominatorLocale, delegate.country), "DelegatesEmail.reissue");
  const values = { name: delegate.name, meeting: delegate.number, organization: delegate.organizationName };
  return {
    to: delegate.email,
    kind: "delegate-reissue",
    key: `delegate-reissue:${auditId}`,
    subject: t("subject", values),
    text: t("body", values),
    badgeCredentialId: credentialId,
  };
}

export type VerifiedCredential =
  | {
      status: "genuine";
      name: string;
      organization: string;
      meeting: { number: string; city: string | null; hostCountry: string; startsOn: string | null; endsOn: string | null };
    }
  | { status: "revoked" | "unknown" };

/** Public: whether a printed code belongs to a live letter and badge, showing only the name, organization and meeting. */
export async function verifyCredential(typed: string): Promise<VerifiedCredential> {
  const code = normalizeCode(typed);
  if (!code) return { status: "unknown" };
  const row = await findCredential(eq(delegateCredentials.code, code));
  if (!row) return { status: "unknown" };
  if (!row.live) return { status: "revoked" };
  const { number, city, hostCountry, startsOn, endsOn } = row;
  return { status: "genuine", name: row.name, organization: row.organizationName, meeting: { number, city, hostCountry, startsOn, endsOn } };
}
