import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import type { Locale } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/messages";
import { approveProfileChangeSchema, PUBLIC_PROFILE_FIELDS, refuseProfileChangeSchema } from "@/lib/profile-change-schemas";
import { PUBLIC_ACCREDITATION_STATUSES } from "@/lib/register-query";
import { searchKey } from "@/lib/search-key";
import { type Executor, getDb, type Transaction } from "../client";
import { accreditations, organizationMembers, organizations, profileChanges, type PublicProfileFields } from "../schema";
import { recordAudit } from "./audit";
import { coalitionMemberList, normalizedMembers, replaceCoalitionMembers } from "./coalition-members";
import { notifyOrganizationMembers, portalUrl } from "./notifications";
import { assertMember } from "./organization-profile";

export type ProfileChangeStatus = "pending" | "approved" | "refused" | "published";

/** A change as its organization and the secretariat see it: only the fields that differ, before and after. */
export type ProfileChangeView = {
  id: string;
  status: ProfileChangeStatus;
  revision: number;
  before: PublicProfileFields;
  after: PublicProfileFields;
  message: string | null;
  createdAt: Date;
  decidedAt: Date | null;
};

type PublicRow = Required<PublicProfileFields>;

/** An organization's public entry, as the register and the member states' consultation show it. */
export const publicColumns = {
  legalName: organizations.legalName,
  acronym: organizations.acronym,
  type: organizations.type,
  country: organizations.country,
  city: organizations.city,
  foundedYear: organizations.foundedYear,
  website: organizations.website,
  countriesOfWork: organizations.countriesOfWork,
  themes: organizations.themes,
  populationsServed: organizations.populationsServed,
  description: organizations.description,
  isCoalition: organizations.isCoalition,
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

async function publishedProfile(executor: Executor, organizationId: string): Promise<PublicRow> {
  const [row] = await executor.select(publicColumns).from(organizations).where(eq(organizations.id, organizationId));
  if (!row) throw new AppError("not_found", `organization ${organizationId}`);
  return { ...row, coalitionMembers: await coalitionMemberList(executor, organizationId) } as PublicRow;
}

/** Listed in the public register (accredited, or suspended with its reason shown). */
export async function isListed(executor: Executor, organizationId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: accreditations.id })
    .from(accreditations)
    .where(and(eq(accreditations.organizationId, organizationId), inArray(accreditations.status, [...PUBLIC_ACCREDITATION_STATUSES])));
  return Boolean(row);
}

/**
 * Holds a listed organization's edits to public fields as its one pending change, merged with
 * what was already pending; fields set back to what the register shows drop out of it.
 */
export async function holdPublicChanges(tx: Transaction, actorId: string, organizationId: string, proposed: PublicProfileFields): Promise<void> {
  const published = await publishedProfile(tx, organizationId);
  const [pending] = await tx
    .select({ id: profileChanges.id, after: profileChanges.after })
    .from(profileChanges)
    .where(and(eq(profileChanges.organizationId, organizationId), eq(profileChanges.status, "pending")))
    .for("update");
  const merged: Record<string, unknown> = { ...(pending?.after ?? {}), ...proposed };
  if (proposed.coalitionMembers) merged.coalitionMembers = normalizedMembers(proposed.coalitionMembers);
  const after: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const field of PUBLIC_PROFILE_FIELDS) {
    if (field in merged && !same(merged[field], published[field])) {
      after[field] = merged[field] ?? null;
      before[field] = published[field] ?? null;
    }
  }
  const empty = Object.keys(after).length === 0;
  if (pending && empty) {
    await tx.delete(profileChanges).where(eq(profileChanges.id, pending.id));
  } else if (pending) {
    await tx
      .update(profileChanges)
      .set({ before, after, proposedBy: actorId, revision: sql`${profileChanges.revision} + 1`, updatedAt: new Date() })
      .where(eq(profileChanges.id, pending.id));
  } else if (!empty) {
    await tx.insert(profileChanges).values({ organizationId, before, after, proposedBy: actorId });
  }
}

/** The pending change's proposed values, laid over the profile the organization edits. */
export async function pendingPublicFields(executor: Executor, organizationId: string): Promise<PublicProfileFields> {
  const [pending] = await executor
    .select({ after: profileChanges.after })
    .from(profileChanges)
    .where(and(eq(profileChanges.organizationId, organizationId), eq(profileChanges.status, "pending")));
  return pending?.after ?? {};
}

function view(row: typeof profileChanges.$inferSelect): ProfileChangeView {
  return {
    id: row.id,
    status: row.status,
    revision: row.revision,
    before: row.before,
    after: row.after,
    message: row.message,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
  };
}

async function latestChange(executor: Executor, organizationId: string): Promise<ProfileChangeView | null> {
  const [row] = await executor
    .select()
    .from(profileChanges)
    .where(eq(profileChanges.organizationId, organizationId))
    .orderBy(desc(profileChanges.createdAt))
    .limit(1);
  return row ? view(row) : null;
}

/** For staff: the organization's pending change, or its latest decided one. */
export async function profileChangeForSecretariat(actor: Actor | null, organizationId: string): Promise<ProfileChangeView | null> {
  assertCan(actor, "secretariat:access");
  return latestChange(await getDb(), organizationId);
}

/** For a member: what waits for the secretariat, or what it last decided. */
export async function ownProfileChange(actor: Actor | null, organizationId: string): Promise<ProfileChangeView | null> {
  assertCan(actor, "organization:manage-own");
  const db = await getDb();
  await assertMember(db, actor, organizationId);
  return latestChange(db, organizationId);
}

/** For a member's home: each of their organizations' pending or latest decided change, in one query. */
export async function ownProfileChanges(actor: Actor | null, organizationIds: string[]): Promise<Map<string, ProfileChangeView>> {
  assertCan(actor, "organization:manage-own");
  if (organizationIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .selectDistinctOn([profileChanges.organizationId])
    .from(profileChanges)
    .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, profileChanges.organizationId), eq(organizationMembers.userId, actor.id)))
    .where(inArray(profileChanges.organizationId, organizationIds))
    .orderBy(profileChanges.organizationId, desc(profileChanges.createdAt));
  return new Map(rows.map((row) => [row.profile_changes.organizationId, view(row.profile_changes)]));
}

export type PendingProfileChangeRow = { organizationId: string; legalName: string; since: Date };

/** The dashboard's list: organizations waiting longest for a decision on their public entry first (20 at most), and how many in all. */
export async function pendingProfileChanges(actor: Actor | null): Promise<{ rows: PendingProfileChangeRow[]; total: number }> {
  assertCan(actor, "secretariat:access");
  const db = await getDb();
  const rows = await db
    .select({
      organizationId: profileChanges.organizationId,
      legalName: organizations.legalName,
      since: profileChanges.createdAt,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(profileChanges)
    .innerJoin(organizations, eq(organizations.id, profileChanges.organizationId))
    .where(eq(profileChanges.status, "pending"))
    .orderBy(profileChanges.createdAt)
    .limit(20);
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** Another accredited organization already shows this legal name (accents and case aside). */
export class PublishedNameTakenError extends AppError {
  constructor() {
    super("conflict", "legal name of an accredited organization");
    this.name = "PublishedNameTakenError";
  }
}

async function nameTaken(tx: Transaction, organizationId: string, after: PublicProfileFields): Promise<boolean> {
  if (after.legalName === undefined) return false;
  const key = searchKey(after.legalName);
  const others = await tx
    .select({ legalName: organizations.legalName })
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(and(inArray(accreditations.status, [...PUBLIC_ACCREDITATION_STATUSES]), sql`${organizations.id} <> ${organizationId}`));
  return others.some((other) => searchKey(other.legalName) === key);
}

async function applyToProfile(tx: Transaction, organizationId: string, after: PublicProfileFields): Promise<void> {
  const { coalitionMembers, ...next } = { ...(await publishedProfile(tx, organizationId)), ...after } as PublicRow;
  await tx
    .update(organizations)
    .set({
      ...next,
      countriesOfWork: next.countriesOfWork ?? [],
      themes: next.themes ?? [],
      searchKey: searchKey(next.legalName, next.acronym),
      updatedAt: new Date(),
    })
    .where(eq(organizations.id, organizationId));
  if (after.coalitionMembers) await replaceCoalitionMembers(tx, organizationId, coalitionMembers);
}

type Outcome = "approved" | "refused";

async function decide(actor: Actor, input: { organizationId: string; changeId: string; revision: number; reason?: string }, outcome: Outcome) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [change] = await tx
      .update(profileChanges)
      .set({ status: outcome, reviewedBy: actor.id, message: input.reason ?? null, decidedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(profileChanges.id, input.changeId),
          eq(profileChanges.organizationId, input.organizationId),
          eq(profileChanges.status, "pending"),
          eq(profileChanges.revision, input.revision),
        ),
      )
      .returning();
    if (!change) {
      const [existing] = await tx
        .select({ id: profileChanges.id })
        .from(profileChanges)
        .where(and(eq(profileChanges.id, input.changeId), eq(profileChanges.organizationId, input.organizationId)));
      throw new AppError(existing ? "conflict" : "not_found", `profile change ${input.changeId}`);
    }
    if (outcome === "approved") {
      if (await nameTaken(tx, input.organizationId, change.after)) throw new PublishedNameTakenError();
      await applyToProfile(tx, input.organizationId, change.after);
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: outcome === "approved" ? "organization.profile_change_approved" : "organization.profile_change_refused",
      targetType: "organization",
      targetId: input.organizationId,
      data: { changeId: change.id, before: change.before, after: change.after, reason: input.reason ?? null },
    });
    await notifyDecision(tx, input.organizationId, change.id, outcome, input.reason ?? null);
    return { organizationId: input.organizationId, outcome };
  });
}

async function notifyDecision(tx: Transaction, organizationId: string, changeId: string, outcome: Outcome, message: string | null): Promise<void> {
  const [organization] = await tx.select({ legalName: organizations.legalName }).from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) return;
  await notifyOrganizationMembers(tx, organizationId, { kind: `profile-change-${outcome}`, event: changeId }, (locale: Locale) => {
    const t = translator(locale, "ProfileChangeEmail");
    const lines = [
      t(`${outcome}.body`, { organization: organization.legalName }),
      message ? `${t("message")}\n${message}` : null,
      `${t("applicantArea")}\n${portalUrl(`/${locale}/applicant`)}`,
    ];
    return { subject: t(`${outcome}.subject`, { organization: organization.legalName }), text: lines.filter(Boolean).join("\n\n") };
  });
}

/** Staff publish the pending change: the register shows it once the caller expires its cache. */
export async function approveProfileChange(actor: Actor | null, input: unknown) {
  assertCan(actor, "organization:review-changes");
  const parsed = approveProfileChangeSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "profile change");
  return decide(actor, parsed.data, "approved");
}

/** Staff refuse it with a message to the organization; the register keeps what it showed, the proposal is kept. */
export async function refuseProfileChange(actor: Actor | null, input: unknown) {
  assertCan(actor, "organization:review-changes");
  const parsed = refuseProfileChangeSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "profile change");
  return decide(actor, parsed.data, "refused");
}

/**
 * A decision that accredits publishes what was pending, in the decision's transaction; a legal
 * name another accredited organization took meanwhile stays pending for staff to refuse.
 */
export async function publishPendingChange(tx: Transaction, actorId: string, organizationId: string): Promise<void> {
  const pending = await pendingPublicFields(tx, organizationId);
  if (Object.keys(pending).length === 0 || (await nameTaken(tx, organizationId, pending))) return;
  const [change] = await tx
    .update(profileChanges)
    .set({ status: "published", reviewedBy: actorId, decidedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(profileChanges.organizationId, organizationId), eq(profileChanges.status, "pending")))
    .returning();
  if (change) await applyToProfile(tx, organizationId, change.after);
}
