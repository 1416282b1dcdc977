import "server-only";
import { and, asc, count, desc, eq, like, ne, sql, type SQL } from "drizzle-orm";
import { ORGANIZATIONS_PAGE_SIZE, type OrganizationFilters } from "@/lib/accreditation-schemas";
import { type Actor, assertCan } from "@/lib/actor";
import type { AccreditationCategory, AccreditationStatus, ApplicationStatus, OrganizationType } from "@/lib/domain";
import { AppError } from "@/lib/errors";
import { searchKey } from "@/lib/search-key";
import { getDb } from "../client";
import { accreditationHistory, accreditations, applications, organizations, users } from "../schema";

export type AccreditedOrganizationRow = {
  id: string;
  legalName: string;
  acronym: string | null;
  country: string | null;
  type: OrganizationType;
  category: AccreditationCategory;
  status: AccreditationStatus;
  updatedAt: Date;
};

export type AccreditedOrganizationPage = {
  rows: AccreditedOrganizationRow[];
  total: number;
  page: number;
  pageCount: number;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function conditions(filters: OrganizationFilters): SQL | undefined {
  const key = filters.q ? searchKey(filters.q) : "";
  return and(
    filters.status ? eq(accreditations.status, filters.status) : undefined,
    filters.category ? eq(accreditations.category, filters.category) : undefined,
    filters.country ? eq(organizations.country, filters.country) : undefined,
    key ? like(organizations.searchKey, `%${escapeLike(key)}%`) : undefined,
  );
}

/**
 * Organizations with an accreditation in any status, for the secretariat: one query returns the
 * page and the total for the filters (a window count), whatever the page size.
 */
export async function listAccreditedOrganizations(actor: Actor | null, filters: OrganizationFilters): Promise<AccreditedOrganizationPage> {
  assertCan(actor, "secretariat:access");
  const db = await getDb();
  const where = conditions(filters);
  const rows = await db
    .select({
      id: organizations.id,
      legalName: organizations.legalName,
      acronym: organizations.acronym,
      country: organizations.country,
      type: organizations.type,
      category: accreditations.category,
      status: accreditations.status,
      updatedAt: accreditations.updatedAt,
      total: sql<number>`cast(count(*) over () as integer)`,
    })
    .from(accreditations)
    .innerJoin(organizations, eq(organizations.id, accreditations.organizationId))
    .where(where)
    .orderBy(asc(organizations.legalName), asc(organizations.id))
    .limit(ORGANIZATIONS_PAGE_SIZE)
    .offset((filters.page - 1) * ORGANIZATIONS_PAGE_SIZE);
  // A page past the end has no row to carry the total: only then is it counted on its own.
  const total =
    rows[0]?.total ??
    (filters.page > 1
      ? ((
          await db.select({ total: count() }).from(accreditations).innerJoin(organizations, eq(organizations.id, accreditations.organizationId)).where(where)
        )[0]?.total ?? 0)
      : 0);
  return {
    rows: rows.map(({ total: _total, ...row }) => row),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / ORGANIZATIONS_PAGE_SIZE)),
  };
}

export type OrganizationForSecretariat = {
  id: string;
  slug: string;
  legalName: string;
  acronym: string | null;
  type: OrganizationType;
  country: string | null;
  city: string | null;
  website: string | null;
  contactEmail: string | null;
  accreditation: {
    category: AccreditationCategory;
    status: AccreditationStatus;
    reason: string | null;
    grantedAt: Date;
    updatedAt: Date;
    history: {
      id: string;
      event: string;
      category: AccreditationCategory;
      reason: string | null;
      createdAt: Date;
      actor: { name: string | null; email: string } | null;
    }[];
  } | null;
  applications: { id: string; status: ApplicationStatus; requestedCategory: AccreditationCategory; submittedAt: Date | null; decidedAt: Date | null }[];
};

/** One organization as the secretariat sees it: profile summary, accreditation with its full history, applications (drafts left out). */
export async function getOrganizationForSecretariat(actor: Actor | null, organizationId: string): Promise<OrganizationForSecretariat> {
  assertCan(actor, "secretariat:access");
  const db = await getDb();
  const [[organization], accreditationRows, applicationRows] = await Promise.all([
    db
      .select({
        id: organizations.id,
        slug: organizations.slug,
        legalName: organizations.legalName,
        acronym: organizations.acronym,
        type: organizations.type,
        country: organizations.country,
        city: organizations.city,
        website: organizations.website,
        contactEmail: organizations.contactEmail,
      })
      .from(organizations)
      .where(eq(organizations.id, organizationId)),
    db
      .select({
        category: accreditations.category,
        status: accreditations.status,
        reason: accreditations.reason,
        grantedAt: accreditations.grantedAt,
        updatedAt: accreditations.updatedAt,
        eventId: accreditationHistory.id,
        event: accreditationHistory.event,
        eventCategory: accreditationHistory.category,
        eventReason: accreditationHistory.reason,
        eventAt: accreditationHistory.createdAt,
        actorName: users.name,
        actorEmail: users.email,
        actorErasedAt: users.erasedAt,
      })
      .from(accreditations)
      .leftJoin(accreditationHistory, eq(accreditationHistory.accreditationId, accreditations.id))
      .leftJoin(users, eq(users.id, accreditationHistory.actorId))
      .where(eq(accreditations.organizationId, organizationId))
      .orderBy(desc(accreditationHistory.createdAt)),
    db
      .select({
        id: applications.id,
        status: applications.status,
        requestedCategory: applications.requestedCategory,
        submittedAt: applications.submittedAt,
        decidedAt: applications.decidedAt,
      })
      .from(applications)
      .where(and(eq(applications.organizationId, organizationId), ne(applications.status, "draft")))
      .orderBy(desc(applications.createdAt)),
  ]);
  // An organization that never went past a draft is its members' own business.
  if (!organization || (accreditationRows.length === 0 && applicationRows.length === 0)) throw new AppError("not_found");
  const [first] = accreditationRows;
  return {
    ...organization,
    accreditation: first
      ? {
          category: first.category,
          status: first.status,
          reason: first.reason,
          grantedAt: first.grantedAt,
          updatedAt: first.updatedAt,
          history: accreditationRows
            .filter((row) => row.eventId)
            .map((row) => ({
              id: row.eventId!,
              event: row.event!,
              category: row.eventCategory!,
              reason: row.eventReason,
              createdAt: row.eventAt!,
              actor: row.actorEmail ? { name: row.actorName, email: row.actorEmail, erased: row.actorErasedAt !== null } : null,
            })),
        }
      : null,
    applications: applicationRows,
  };
}
