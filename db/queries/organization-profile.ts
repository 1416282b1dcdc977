import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Actor, assertCan } from "@/lib/actor";
import {
  type ApplicationSections,
  type OrganizationSection,
  organizationSectionSchema,
  PROFILE_SECTION_IDS,
  type ProfileSectionId,
  SECTION_SCHEMAS,
} from "@/lib/application-sections";
import type { CountryCode } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { searchKey } from "@/lib/search-key";
import { getDb, type Executor, type Transaction } from "../client";
import { accreditations, coalitionMembers, organizationMembers, organizations, type PublicProfileFields } from "../schema";
import { recordAudit } from "./audit";
import { createDraftApplication } from "./application-drafts";
import { replaceCoalitionMembers } from "./coalition-members";
import { holdPublicChanges, isListed, pendingPublicFields } from "./profile-changes";

/** Another organization already holds this (country, registry number): its members can invite the newcomer. */
export class DuplicateOrganizationError extends AppError {
  constructor() {
    super("conflict", "organization already registered");
    this.name = "DuplicateOrganizationError";
  }
}

/** The legal name of an accredited organization (accents and case aside): the register would show two of them. */
export class DuplicateLegalNameError extends AppError {
  constructor() {
    super("conflict", "legal name of an accredited organization");
    this.name = "DuplicateLegalNameError";
  }
}

const UNIQUE_VIOLATION = "23505";

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (
    let current = error as { code?: string; constraint_name?: string; constraint?: string; message?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (
      current.code === UNIQUE_VIOLATION &&
      (current.constraint_name === constraint || current.constraint === constraint || current.message?.includes(constraint))
    )
      return true;
  }
  return false;
}

/** Runs `work`, turning a clash on organizations_registry_key into DuplicateOrganizationError. */
async function guardRegistry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "organizations_registry_key")) throw new DuplicateOrganizationError();
    throw error;
  }
}

async function assertNoOtherOrganizationWithRegistry(executor: Executor, answers: OrganizationSection, exceptId?: string): Promise<void> {
  const [clash] = await executor
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.country, answers.country),
        sql`lower(${organizations.registryNumber}) = lower(${answers.registryNumber})`,
        exceptId ? sql`${organizations.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (clash) throw new DuplicateOrganizationError();
}

async function assertNoAccreditedOrganizationNamed(executor: Executor, legalName: string, exceptId?: string): Promise<void> {
  const key = searchKey(legalName);
  const accredited = await executor
    .select({ legalName: organizations.legalName })
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(and(inArray(accreditations.status, ["active", "suspended"]), exceptId ? sql`${organizations.id} <> ${exceptId}` : undefined));
  if (accredited.some((other) => searchKey(other.legalName) === key)) throw new DuplicateLegalNameError();
}

/** Throws not_found unless the actor belongs to the organization (the same answer as for an unknown id). */
export async function assertMember(executor: Executor, actor: Actor, organizationId: string): Promise<void> {
  const [member] = await executor
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, actor.id)));
  if (!member) throw new AppError("not_found", `organization ${organizationId}`);
}

function slugFor(legalName: string): string {
  const base =
    searchKey(legalName)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "organization";
  return `${base}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * A new organization, its creator as owner and its first draft application (for the
 * meeting whose window is open, if any), in one transaction.
 */
export async function createOrganization(actor: Actor | null, input: unknown): Promise<{ organizationId: string; applicationId: string }> {
  assertCan(actor, "organization:manage-own");
  const parsed = organizationSectionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "organization section");
  const answers = parsed.data;
  const db = await getDb();
  return guardRegistry(() =>
    db.transaction(async (tx) => {
      await assertNoOtherOrganizationWithRegistry(tx, answers);
      await assertNoAccreditedOrganizationNamed(tx, answers.legalName);
      const [org] = await tx
        .insert(organizations)
        .values({ slug: slugFor(answers.legalName), ...organizationColumns(answers) })
        .returning({ id: organizations.id });
      await tx.insert(organizationMembers).values({ organizationId: org!.id, userId: actor.id, role: "owner" });
      const applicationId = await createDraftApplication(tx, org!.id, { organization: answers }, false);
      await recordAudit(tx, { actorId: actor.id, action: "organization.create", targetType: "organization", targetId: org!.id });
      return { organizationId: org!.id, applicationId };
    }),
  );
}

function organizationColumns(answers: OrganizationSection) {
  return {
    legalName: answers.legalName,
    acronym: answers.acronym,
    type: answers.type,
    country: answers.country,
    city: answers.city,
    foundedYear: answers.foundedYear,
    registryName: answers.registryName,
    registryNumber: answers.registryNumber,
    website: answers.website,
    contactEmail: answers.contactEmail,
    countriesOfWork: answers.countriesOfWork,
    searchKey: searchKey(answers.legalName, answers.acronym),
  };
}

/**
 * Writes a section's validated answers to the organization's profile inside the caller's
 * transaction (the caller has checked membership and that the application may be edited). Once
 * the organization is listed in the register, changes to what the register shows are held for
 * the secretariat (profile-changes.ts); the rest is written at once.
 */
export async function writeProfileSection(
  tx: Transaction,
  actorId: string,
  organizationId: string,
  section: ProfileSectionId,
  answers: ApplicationSections,
): Promise<void> {
  const now = new Date();
  const listed = await isListed(tx, organizationId);
  const write = async (
    privateFields: Partial<typeof organizations.$inferInsert>,
    publicFields: Partial<typeof organizations.$inferInsert>,
    members?: NonNullable<PublicProfileFields["coalitionMembers"]>,
  ) => {
    const direct = listed ? privateFields : { ...privateFields, ...publicFields };
    await guardRegistry(() =>
      tx
        .update(organizations)
        .set({ ...direct, updatedAt: now })
        .where(eq(organizations.id, organizationId)),
    );
    // The register shows the member list too: one pending change holds it with the columns.
    if (listed)
      await holdPublicChanges(tx, actorId, organizationId, { ...(publicFields as PublicProfileFields), ...(members ? { coalitionMembers: members } : {}) });
    else if (members) await replaceCoalitionMembers(tx, organizationId, members);
  };
  switch (section) {
    case "organization": {
      const value = answers.organization!;
      await assertNoOtherOrganizationWithRegistry(tx, value, organizationId);
      await assertNoAccreditedOrganizationNamed(tx, value.legalName, organizationId);
      const { registryName, registryNumber, contactEmail, ...publicFields } = organizationColumns(value);
      await write({ registryName, registryNumber, contactEmail }, publicFields);
      return;
    }
    case "work": {
      const value = answers.work!;
      await write({}, { themes: value.themes, populationsServed: value.populationsServed, description: value.description });
      return;
    }
    case "representation": {
      const value = answers.representation!;
      await write({}, { isCoalition: value.isCoalition }, value.members);
      return;
    }
    case "governance": {
      const value = answers.governance!;
      await write({ fundingSources: value.fundingSources, independenceDeclared: value.independenceDeclared }, {});
      return;
    }
  }
}

/** The organization's saved profile as application sections; only sections that are complete. */
export async function profileSections(executor: Executor, organizationId: string): Promise<ApplicationSections> {
  const [saved] = await executor.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!saved) throw new AppError("not_found", `organization ${organizationId}`);
  // What the organization last typed, including changes the secretariat has yet to publish.
  const { coalitionMembers: pendingMembers, ...pending } = await pendingPublicFields(executor, organizationId);
  const org = { ...saved, ...pending };
  const members =
    pendingMembers ??
    (await executor
      .select({ name: coalitionMembers.name, country: coalitionMembers.country })
      .from(coalitionMembers)
      .where(eq(coalitionMembers.coalitionId, organizationId))
      .orderBy(asc(coalitionMembers.name)));
  const candidates: ApplicationSections = {
    organization: {
      legalName: org.legalName,
      acronym: org.acronym,
      type: org.type,
      country: org.country as CountryCode,
      city: org.city ?? "",
      foundedYear: org.foundedYear ?? 0,
      registryName: org.registryName ?? "",
      registryNumber: org.registryNumber ?? "",
      website: org.website,
      contactEmail: org.contactEmail ?? "",
      countriesOfWork: org.countriesOfWork as CountryCode[],
    },
    work: { themes: org.themes as never, populationsServed: org.populationsServed ?? "", description: org.description ?? "" },
    representation: { isCoalition: org.isCoalition, members: members.map((m) => ({ name: m.name, country: m.country as CountryCode })) },
    governance: { fundingSources: org.fundingSources ?? "", independenceDeclared: org.independenceDeclared },
  };
  const sections: ApplicationSections = {};
  for (const id of PROFILE_SECTION_IDS) {
    const parsed = SECTION_SCHEMAS[id].safeParse(candidates[id]);
    if (parsed.success) Object.assign(sections, { [id]: parsed.data });
  }
  return sections;
}
