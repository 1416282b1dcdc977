import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import {
  type DelegateDetails,
  type DelegateDetailsInput,
  type DelegateView,
  DelegateRefusal,
  delegateRefSchema,
  editSchema,
  nominationSchema,
  substitutionSchema,
} from "@/lib/delegates";
import type { AccreditationCategory, AccreditationStatus, DelegateStatus } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { getDb, type Transaction } from "../client";
import { accreditations, coalitionMembers, delegates, meetings, organizationMembers, organizations } from "../schema";
import { recordAudit } from "./audit";
import { revokeCredential } from "./delegate-credentials";
import { queueDelegateNotice } from "./delegate-notices";
import { isUniqueViolation } from "./organization-profile";

const LIVE: DelegateStatus[] = ["nominated", "confirmed"];

function parse<T>(schema: { safeParse: (input: unknown) => { success: true; data: T } | { success: false } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid");
  return parsed.data;
}

export type OwnDelegate = DelegateView & {
  memberOrganizationId: string | null;
  memberOrganizationName: string | null;
  replacesName: string | null;
};

export type OwnMeeting = {
  id: string;
  number: string;
  hostCountry: string;
  city: string | null;
  startsOn: string | null;
  nominationDeadline: Date | null;
  /** Nominations may still change: the deadline has not passed. */
  open: boolean;
  quota: number;
  live: number;
  delegates: OwnDelegate[];
};

export type OwnNominations = {
  organizationId: string;
  organizationName: string;
  accreditation: { category: AccreditationCategory; status: AccreditationStatus } | null;
  /** The registered member organizations a coalition may nominate on behalf of. */
  coalitionMembers: { id: string; name: string }[];
  meetings: OwnMeeting[];
};

async function isMember(executor: Transaction | Awaited<ReturnType<typeof getDb>>, actor: Actor, organizationId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: organizationMembers.organizationId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, actor.id)));
  return Boolean(row);
}

/** Upcoming meetings (not yet started) with the organization's nominations; null when the actor is not a member. */
export async function listOwnNominations(actor: Actor | null, organizationId: string): Promise<OwnNominations | null> {
  assertCan(actor, "delegate:nominate-own");
  if (!delegateRefSchema.shape.organizationId.safeParse(organizationId).success) return null;
  const db = await getDb();
  if (!(await isMember(db, actor, organizationId))) return null;
  const [organization] = await db
    .select({ name: organizations.legalName, category: accreditations.category, status: accreditations.status })
    .from(organizations)
    .leftJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  if (!organization) return null;
  const members = await coalitionMemberOptions(db, organizationId);
  const upcoming = await db
    .select({
      id: meetings.id,
      number: meetings.number,
      hostCountry: meetings.hostCountry,
      city: meetings.city,
      startsOn: meetings.startsOn,
      nominationDeadline: meetings.nominationDeadline,
      open: sql<boolean>`coalesce(${meetings.nominationDeadline} > now(), false)`,
      participantQuota: meetings.participantQuota,
      observerQuota: meetings.observerQuota,
    })
    .from(meetings)
    .where(gt(meetings.startsOn, sql`current_date`))
    .orderBy(asc(meetings.startsOn));
  const rows = upcoming.length
    ? await db
        .select({
          id: delegates.id,
          meetingId: delegates.meetingId,
          name: delegates.name,
          email: delegates.email,
          roleInOrganization: delegates.roleInOrganization,
          nationality: delegates.nationality,
          accessibilityNeeds: delegates.accessibilityNeeds,
          needsVisaLetter: delegates.needsVisaLetter,
          status: delegates.status,
          decisionReason: delegates.decisionReason,
          memberOrganizationId: delegates.memberOrganizationId,
          memberOrganizationName: organizations.legalName,
          replacesDelegateId: delegates.replacesDelegateId,
        })
        .from(delegates)
        .leftJoin(organizations, eq(organizations.id, delegates.memberOrganizationId))
        .where(
          and(
            eq(delegates.organizationId, organizationId),
            inArray(
              delegates.meetingId,
              upcoming.map((m) => m.id),
            ),
          ),
        )
        .orderBy(asc(delegates.createdAt))
    : [];
  const names = new Map(rows.map((row) => [row.id, row.name]));
  const category = organization.category ?? "participant";
  return {
    organizationId,
    organizationName: organization.name,
    accreditation: organization.category && organization.status ? { category: organization.category, status: organization.status } : null,
    coalitionMembers: members,
    meetings: upcoming.map((meeting) => {
      const own = rows.filter((row) => row.meetingId === meeting.id);
      return {
        id: meeting.id,
        number: meeting.number,
        hostCountry: meeting.hostCountry,
        city: meeting.city,
        startsOn: meeting.startsOn,
        nominationDeadline: meeting.nominationDeadline,
        open: Boolean(meeting.open),
        quota: category === "participant" ? meeting.participantQuota : meeting.observerQuota,
        live: own.filter((row) => LIVE.includes(row.status)).length,
        delegates: own.map(({ meetingId: _m, replacesDelegateId, ...row }) => ({
          ...row,
          replacesName: replacesDelegateId ? (names.get(replacesDelegateId) ?? null) : null,
        })),
      };
    }),
  };
}

async function coalitionMemberOptions(executor: Transaction | Awaited<ReturnType<typeof getDb>>, organizationId: string) {
  const [coalition] = await executor
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, organizationId), eq(organizations.isCoalition, true)));
  if (!coalition) return [];
  const rows = await executor
    .select({ id: coalitionMembers.memberOrganizationId, name: organizations.legalName })
    .from(coalitionMembers)
    .innerJoin(organizations, eq(organizations.id, coalitionMembers.memberOrganizationId))
    .where(and(eq(coalitionMembers.coalitionId, organizationId), isNotNull(coalitionMembers.memberOrganizationId)))
    .orderBy(asc(organizations.legalName));
  return rows.map((row) => ({ id: row.id!, name: row.name }));
}

/**
 * The actor's membership, then the organization's accreditation row locked for the rest of the
 * transaction: every change to the organization's nominations queues here, so the quota count
 * that follows cannot race another submission.
 */
async function lockNominatingOrganization(tx: Transaction, actor: Actor, organizationId: string): Promise<AccreditationCategory> {
  if (!(await isMember(tx, actor, organizationId))) throw new AppError("not_found", "not a member of this organization");
  const [accreditation] = await tx
    .select({ category: accreditations.category, status: accreditations.status })
    .from(accreditations)
    .where(eq(accreditations.organizationId, organizationId))
    .for("update");
  if (!accreditation || accreditation.status !== "active") throw new DelegateRefusal("not_accredited");
  return accreditation.category;
}

/** The meeting, if nominations for it may still change (deadline not passed, meeting not started). */
async function openMeeting(tx: Transaction, meetingId: string) {
  const [meeting] = await tx
    .select({
      id: meetings.id,
      number: meetings.number,
      open: sql<boolean>`coalesce(${meetings.nominationDeadline} > now() and ${meetings.startsOn} > current_date, false)`,
      participantQuota: meetings.participantQuota,
      observerQuota: meetings.observerQuota,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!meeting) throw new AppError("not_found", "no such meeting");
  if (!meeting.open) throw new DelegateRefusal("closed");
  return meeting;
}

async function assertOnBehalfOf(tx: Transaction, organizationId: string, memberOrganizationId: string | null): Promise<void> {
  if (!memberOrganizationId) return;
  const members = await coalitionMemberOptions(tx, organizationId);
  if (!members.some((member) => member.id === memberOrganizationId)) throw new DelegateRefusal("not_coalition_member");
}

/** One of the organization's own live nominations, locked. */
async function lockLiveDelegate(tx: Transaction, organizationId: string, delegateId: string) {
  const [delegate] = await tx
    .select({ id: delegates.id, meetingId: delegates.meetingId, status: delegates.status, name: delegates.name })
    .from(delegates)
    .where(and(eq(delegates.id, delegateId), eq(delegates.organizationId, organizationId)))
    .for("update");
  if (!delegate) throw new AppError("not_found", "no such delegate in this organization");
  if (!LIVE.includes(delegate.status)) throw new DelegateRefusal("not_live");
  return delegate;
}

function detailsColumns(details: DelegateDetails) {
  return {
    name: details.name,
    email: details.email,
    roleInOrganization: details.roleInOrganization,
    nationality: details.nationality,
    accessibilityNeeds: details.accessibilityNeeds,
    needsVisaLetter: details.needsVisaLetter,
    memberOrganizationId: details.memberOrganizationId,
  };
}

/** The same person nominated twice for one meeting (by any organization) is refused by the unique index. */
async function guardDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "delegates_meeting_email_key")) throw new DelegateRefusal("duplicate_email");
    throw error;
  }
}

/** Nominates a delegate for an open meeting within the quota of the organization's accreditation category. */
export async function nominateDelegate(
  actor: Actor | null,
  input: DelegateDetailsInput & { organizationId: string; meetingId: string },
): Promise<{ delegateId: string }> {
  assertCan(actor, "delegate:nominate-own");
  const { organizationId, meetingId, ...details } = parse(nominationSchema, input);
  const db = await getDb();
  return guardDuplicate(() =>
    db.transaction(async (tx) => {
      const category = await lockNominatingOrganization(tx, actor, organizationId);
      const meeting = await openMeeting(tx, meetingId);
      await assertOnBehalfOf(tx, organizationId, details.memberOrganizationId);
      const quota = category === "participant" ? meeting.participantQuota : meeting.observerQuota;
      const [{ live } = { live: 0 }] = await tx
        .select({ live: sql<number>`count(*)::int` })
        .from(delegates)
        .where(and(eq(delegates.organizationId, organizationId), eq(delegates.meetingId, meetingId), inArray(delegates.status, LIVE)));
      if (Number(live) >= quota) throw new DelegateRefusal("quota_full");
      const [row] = await tx
        .insert(delegates)
        .values({ meetingId, organizationId, ...detailsColumns(details), nominatedById: actor.id })
        .returning({ id: delegates.id });
      const auditId = await recordAudit(tx, {
        actorId: actor.id,
        action: "delegate.nominate",
        targetType: "delegate",
        targetId: row!.id,
        data: { organizationId, meetingId, memberOrganizationId: details.memberOrganizationId },
      });
      await queueDelegateNotice(tx, row!.id, "nominate", auditId);
      return { delegateId: row!.id };
    }),
  );
}

/**
 * Corrects a live nomination before the deadline. A confirmed delegate whose details change goes
 * back to "nominated": the secretariat confirmed the person as they were described, so it checks again.
 * `reopened` tells the caller the public register (meetings with confirmed delegates) may have changed.
 */
export async function editDelegate(
  actor: Actor | null,
  input: DelegateDetailsInput & { organizationId: string; delegateId: string },
): Promise<{ reopened: boolean }> {
  assertCan(actor, "delegate:nominate-own");
  const { organizationId, delegateId, ...details } = parse(editSchema, input);
  const db = await getDb();
  const reopened: boolean = await guardDuplicate(() =>
    db.transaction(async (tx) => {
      await lockNominatingOrganization(tx, actor, organizationId);
      const delegate = await lockLiveDelegate(tx, organizationId, delegateId);
      await openMeeting(tx, delegate.meetingId);
      await assertOnBehalfOf(tx, organizationId, details.memberOrganizationId);
      const updated = await tx
        .update(delegates)
        .set({ ...detailsColumns(details), status: "nominated", decidedById: null, decidedAt: null, decisionReason: null, updatedAt: new Date() })
        .where(and(eq(delegates.id, delegateId), eq(delegates.status, delegate.status)))
        .returning({ id: delegates.id });
      if (updated.length === 0) throw new AppError("conflict");
      await revokeCredential(tx, delegateId, "edited");
      const auditId = await recordAudit(tx, {
        actorId: actor.id,
        action: "delegate.edit",
        targetType: "delegate",
        targetId: delegateId,
        data: { organizationId, from: delegate.status, to: "nominated" },
      });
      await queueDelegateNotice(tx, delegateId, "edit", auditId);
      return delegate.status === "confirmed";
    }),
  );
  return { reopened };
}

/** Withdraws a live nomination and nominates its replacement in one step; the count stays the same. */
export async function substituteDelegate(
  actor: Actor | null,
  input: DelegateDetailsInput & { organizationId: string; delegateId: string },
): Promise<{ delegateId: string; wasConfirmed: boolean }> {
  assertCan(actor, "delegate:nominate-own");
  const { organizationId, delegateId, ...details } = parse(substitutionSchema, input);
  const db = await getDb();
  const result = await guardDuplicate(() =>
    db.transaction(async (tx) => {
      await lockNominatingOrganization(tx, actor, organizationId);
      const replaced = await lockLiveDelegate(tx, organizationId, delegateId);
      await openMeeting(tx, replaced.meetingId);
      await assertOnBehalfOf(tx, organizationId, details.memberOrganizationId);
      const withdrawn = await tx
        .update(delegates)
        .set({ status: "withdrawn", updatedAt: new Date() })
        .where(and(eq(delegates.id, delegateId), eq(delegates.status, replaced.status)))
        .returning({ id: delegates.id });
      if (withdrawn.length === 0) throw new AppError("conflict");
      await revokeCredential(tx, delegateId, "substituted");
      const [row] = await tx
        .insert(delegates)
        .values({ meetingId: replaced.meetingId, organizationId, ...detailsColumns(details), nominatedById: actor.id, replacesDelegateId: delegateId })
        .returning({ id: delegates.id });
      const auditId = await recordAudit(tx, {
        actorId: actor.id,
        action: "delegate.substitute",
        targetType: "delegate",
        targetId: row!.id,
        data: { organizationId, meetingId: replaced.meetingId, replaces: delegateId, replacesName: replaced.name, replacedStatus: replaced.status },
      });
      await queueDelegateNotice(tx, delegateId, { replacedBy: details.name }, auditId);
      await queueDelegateNotice(tx, row!.id, "nominate", auditId);
      return { delegateId: row!.id, wasConfirmed: replaced.status === "confirmed" };
    }),
  );
  return result;
}

/** Takes a live nomination back before the deadline. */
export async function withdrawDelegate(actor: Actor | null, input: { organizationId: string; delegateId: string }): Promise<{ wasConfirmed: boolean }> {
  assertCan(actor, "delegate:nominate-own");
  const { organizationId, delegateId } = parse(delegateRefSchema, input);
  const db = await getDb();
  const wasConfirmed = await db.transaction(async (tx) => {
    await lockNominatingOrganization(tx, actor, organizationId);
    const delegate = await lockLiveDelegate(tx, organizationId, delegateId);
    await openMeeting(tx, delegate.meetingId);
    const updated = await tx
      .update(delegates)
      .set({ status: "withdrawn", updatedAt: new Date() })
      .where(and(eq(delegates.id, delegateId), eq(delegates.status, delegate.status)))
      .returning({ id: delegates.id });
    if (updated.length === 0) throw new AppError("conflict");
    await revokeCredential(tx, delegateId, "withdrawn");
    const auditId = await recordAudit(tx, {
      actorId: actor.id,
      action: "delegate.withdraw",
      targetType: "delegate",
      targetId: delegateId,
      data: { organizationId, from: delegate.status },
    });
    await queueDelegateNotice(tx, delegateId, "withdraw", auditId);
    return delegate.status === "confirmed";
  });
  return { wasConfirmed };
}
