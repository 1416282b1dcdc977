import "server-only";
import { and, arrayContains, asc, count, desc, eq, gt, inArray, isNull, like, lte, gte, or, type SQL, sql } from "drizzle-orm";
import type { AccreditationCategory, CountryCode, OrganizationType, Theme } from "@/lib/domain";
import { PUBLIC_ACCREDITATION_STATUSES, type PublicAccreditationStatus, REGIONAL, type RegisterQuery } from "@/lib/register-query";
import { searchKey } from "@/lib/search-key";
import { getDb } from "../client";
import { accreditationHistory, accreditations, applications, attendance, coalitionMembers, delegates, meetings, organizations } from "../schema";

/*
 * The public register's data layer. Anyone may read it, signed in or not, so these functions
 * take no actor; instead they select public columns only (never contact e-mails, documents,
 * notes, funding or registry numbers) and return plain JSON-safe DTOs (dates as ISO strings),
 * which Next's data cache stores as they are.
 */

export type PublicAccreditation = {
  category: AccreditationCategory;
  status: PublicAccreditationStatus;
  since: string;
};

export type PublicOrganizationSummary = {
  slug: string;
  name: string;
  acronym: string | null;
  type: OrganizationType;
  country: CountryCode | null;
  city: string | null;
  website: string | null;
  themes: Theme[];
  countriesOfWork: CountryCode[];
  isCoalition: boolean;
  accreditation: PublicAccreditation;
};

export type RegisterPage = {
  items: PublicOrganizationSummary[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
};

const listed = inArray(accreditations.status, [...PUBLIC_ACCREDITATION_STATUSES]);

const summaryColumns = {
  slug: organizations.slug,
  name: organizations.legalName,
  acronym: organizations.acronym,
  type: organizations.type,
  country: organizations.country,
  city: organizations.city,
  website: organizations.website,
  themes: organizations.themes,
  countriesOfWork: organizations.countriesOfWork,
  isCoalition: organizations.isCoalition,
  category: accreditations.category,
  status: accreditations.status,
  grantedAt: accreditations.grantedAt,
};

type SummaryRow = {
  slug: string;
  name: string;
  acronym: string | null;
  type: OrganizationType;
  country: string | null;
  city: string | null;
  website: string | null;
  themes: string[];
  countriesOfWork: string[];
  isCoalition: boolean;
  category: AccreditationCategory;
  status: string;
  grantedAt: Date;
};

function toSummary(row: SummaryRow): PublicOrganizationSummary {
  return {
    slug: row.slug,
    name: row.name,
    acronym: row.acronym,
    type: row.type,
    country: row.country as CountryCode | null,
    city: row.city,
    website: row.website,
    themes: row.themes as Theme[],
    countriesOfWork: row.countriesOfWork as CountryCode[],
    isCoalition: row.isCoalition,
    accreditation: {
      category: row.category,
      status: row.status as PublicAccreditationStatus,
      since: new Date(row.grantedAt).toISOString(),
    },
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function registerConditions(query: RegisterQuery): SQL[] {
  const conditions: SQL[] = [listed];
  const key = searchKey(query.q);
  if (key) conditions.push(like(organizations.searchKey, `%${escapeLike(key)}%`));
  if (query.country === REGIONAL) conditions.push(isNull(organizations.country));
  else if (query.country) conditions.push(eq(organizations.country, query.country));
  if (query.category) conditions.push(eq(accreditations.category, query.category));
  if (query.status) conditions.push(eq(accreditations.status, query.status));
  if (query.type) conditions.push(eq(organizations.type, query.type));
  if (query.theme) conditions.push(arrayContains(organizations.themes, [query.theme]));
  return conditions;
}

/**
 * `countryOrder` is the country codes in the order of their names in the reader's language,
 * so "by country" sorts as the page reads; regional organizations come last.
 */
function registerOrder(query: RegisterQuery, countryOrder: readonly string[]): SQL[] {
  const byName = [asc(organizations.searchKey), asc(organizations.slug)];
  switch (query.sort) {
    case "name_desc":
      return [desc(organizations.searchKey), desc(organizations.slug)];
    case "recent":
      return [desc(accreditations.grantedAt), ...byName];
    case "country": {
      const position = sql`array_position(${sql.raw(`array[${countryOrder.map((code) => `'${code.replace(/[^A-Z]/g, "")}'`).join(",") || "''"}]::text[]`)}, ${organizations.country})`;
      return [sql`${position} asc nulls last`, ...byName];
    }
    default:
      return byName;
  }
}

/** One page of the register, filtered, searched (accent-insensitive) and sorted, with the total. */
export async function listPublicOrganizations(query: RegisterQuery, countryOrder: readonly string[] = []): Promise<RegisterPage> {
  const db = await getDb();
  const where = and(...registerConditions(query));
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(where);
  const rows = await db
    .select(summaryColumns)
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(where)
    .orderBy(...registerOrder(query, countryOrder))
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage);
  return {
    items: rows.map(toSummary),
    total: Number(total),
    page: query.page,
    perPage: query.perPage,
    pageCount: Math.max(1, Math.ceil(Number(total) / query.perPage)),
  };
}

/** Every listed organization matching the filters (no paging): the CSV and JSON downloads. */
export async function exportPublicOrganizations(query: RegisterQuery, countryOrder: readonly string[] = []): Promise<PublicOrganizationSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(and(...registerConditions(query)))
    .orderBy(...registerOrder(query, countryOrder));
  return rows.map(toSummary);
}

export type CountryFigure = {
  country: CountryCode | null;
  participant: number;
  observer: number;
  suspended: number;
  total: number;
};

export type RegisterFigures = { byCountry: CountryFigure[]; totals: Omit<CountryFigure, "country"> };

/** Listed organizations by country and status: active participants, active observers, suspended. */
export async function registerFigures(): Promise<RegisterFigures> {
  const db = await getDb();
  const rows = await db
    .select({
      country: organizations.country,
      category: accreditations.category,
      status: accreditations.status,
      n: count(),
    })
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(listed)
    .groupBy(organizations.country, accreditations.category, accreditations.status);
  const byCountry = new Map<string, CountryFigure>();
  const totals = { participant: 0, observer: 0, suspended: 0, total: 0 };
  for (const row of rows) {
    const key = row.country ?? REGIONAL;
    const figure = byCountry.get(key) ?? {
      country: row.country as CountryCode | null,
      participant: 0,
      observer: 0,
      suspended: 0,
      total: 0,
    };
    const bucket = row.status === "suspended" ? "suspended" : row.category;
    const n = Number(row.n);
    figure[bucket] += n;
    figure.total += n;
    totals[bucket] += n;
    totals.total += n;
    byCountry.set(key, figure);
  }
  return { byCountry: [...byCountry.values()], totals };
}

export type PublicHistoryEvent = { event: string; category: AccreditationCategory; reason: string | null; at: string };
export type PublicCoalitionLink = { name: string; country: CountryCode | null; slug: string | null };
export type PublicMeeting = {
  number: string;
  hostCountry: CountryCode;
  city: string | null;
  startsOn: string | null;
  endsOn: string | null;
};
/** A meeting on an organization's page: `attended` once its delegation was recorded at the entrance. */
export type PublicOrganizationMeeting = PublicMeeting & { attended: boolean };

export type PublicOrganizationProfile = PublicOrganizationSummary & {
  foundedYear: number | null;
  populationsServed: string | null;
  description: string | null;
  accreditation: PublicAccreditation & { reason: string | null };
  history: PublicHistoryEvent[];
  coalitions: PublicCoalitionLink[];
  members: PublicCoalitionLink[];
  meetings: PublicOrganizationMeeting[];
};

/** The id of a listed organization (accredited, not revoked), or null. */
export async function findListedOrganizationId(slug: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(and(eq(organizations.slug, slug), listed));
  return row?.id ?? null;
}

/** A listed organization's public page; null when it is not (or no longer) in the register. */
export async function getPublicOrganization(organizationId: string): Promise<PublicOrganizationProfile | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      ...summaryColumns,
      accreditationId: accreditations.id,
      reason: accreditations.reason,
      foundedYear: organizations.foundedYear,
      populationsServed: organizations.populationsServed,
      description: organizations.description,
    })
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(and(eq(organizations.id, organizationId), listed));
  if (!row) return null;

  const listedSlug = sql<string | null>`case when ${accreditations.status} in ('active', 'suspended') then ${organizations.slug} end`;
  const [history, coalitions, members, meetingRows] = await Promise.all([
    db
      .select({
        event: accreditationHistory.event,
        category: accreditationHistory.category,
        reason: accreditationHistory.reason,
        at: accreditationHistory.createdAt,
      })
      .from(accreditationHistory)
      .where(eq(accreditationHistory.accreditationId, row.accreditationId))
      .orderBy(asc(accreditationHistory.createdAt)),
    db
      .select({ name: organizations.legalName, country: organizations.country, slug: listedSlug })
      .from(coalitionMembers)
      .innerJoin(organizations, eq(organizations.id, coalitionMembers.coalitionId))
      .leftJoin(accreditations, eq(accreditations.organizationId, organizations.id))
      .where(eq(coalitionMembers.memberOrganizationId, organizationId))
      .orderBy(asc(organizations.searchKey)),
    db
      .select({ name: coalitionMembers.name, country: coalitionMembers.country, slug: listedSlug })
      .from(coalitionMembers)
      .leftJoin(organizations, eq(organizations.id, coalitionMembers.memberOrganizationId))
      .leftJoin(accreditations, eq(accreditations.organizationId, organizations.id))
      .where(eq(coalitionMembers.coalitionId, organizationId))
      .orderBy(asc(coalitionMembers.name)),
    db
      .selectDistinct({
        number: meetings.number,
        hostCountry: meetings.hostCountry,
        city: meetings.city,
        startsOn: meetings.startsOn,
        endsOn: meetings.endsOn,
        // Spelled out: Drizzle writes a column of a one-table select without its table, which the subquery would read as its own.
        attended: sql<boolean>`exists (select 1 from ${attendance} where ${attendance.organizationId} = ${organizationId} and ${attendance.meetingId} = "meetings"."id")`,
      })
      .from(meetings)
      .where(
        or(
          inArray(meetings.id, db.select({ id: attendance.meetingId }).from(attendance).where(eq(attendance.organizationId, organizationId))),
          inArray(
            meetings.id,
            db
              .select({ id: applications.meetingId })
              .from(applications)
              .where(and(eq(applications.organizationId, organizationId), inArray(applications.status, ["accredited_participant", "accredited_observer"]))),
          ),
          inArray(
            meetings.id,
            db
              .select({ id: delegates.meetingId })
              .from(delegates)
              .where(and(eq(delegates.organizationId, organizationId), eq(delegates.status, "confirmed"))),
          ),
        ),
      )
      .orderBy(desc(meetings.startsOn)),
  ]);

  return {
    ...toSummary(row),
    accreditation: { ...toSummary(row).accreditation, reason: row.reason },
    foundedYear: row.foundedYear,
    populationsServed: row.populationsServed,
    description: row.description,
    history: history.map((event) => ({ ...event, at: new Date(event.at).toISOString() })),
    coalitions: coalitions.map((link) => ({ ...link, country: link.country as CountryCode | null })),
    members: members.map((link) => ({ ...link, country: link.country as CountryCode | null })),
    meetings: meetingRows.map((meeting) => ({ ...meeting, hostCountry: meeting.hostCountry as CountryCode })),
  };
}

/** Slugs of every listed organization, for the sitemap. */
export async function listPublicOrganizationSlugs(): Promise<{ slug: string; updatedAt: string }[]> {
  const db = await getDb();
  const rows = await db
    .select({ slug: organizations.slug, organizationUpdatedAt: organizations.updatedAt, accreditationUpdatedAt: accreditations.updatedAt })
    .from(organizations)
    .innerJoin(accreditations, eq(accreditations.organizationId, organizations.id))
    .where(listed)
    .orderBy(asc(organizations.slug));
  return rows.map((row) => ({
    slug: row.slug,
    updatedAt: new Date(Math.max(new Date(row.organizationUpdatedAt).getTime(), new Date(row.accreditationUpdatedAt).getTime())).toISOString(),
  }));
}

export type ApplicationWindow = { state: "open" | "upcoming"; meeting: PublicMeeting; opensAt: string; closesAt: string } | { state: "closed" };

/** The meeting whose application window is open now, else the next one to open. */
export async function currentApplicationWindow(now: Date = new Date()): Promise<ApplicationWindow> {
  const db = await getDb();
  const columns = {
    number: meetings.number,
    hostCountry: meetings.hostCountry,
    city: meetings.city,
    startsOn: meetings.startsOn,
    endsOn: meetings.endsOn,
    opensAt: meetings.applicationOpensAt,
    closesAt: meetings.applicationClosesAt,
  };
  const [open] = await db
    .select(columns)
    .from(meetings)
    .where(and(lte(meetings.applicationOpensAt, now), gte(meetings.applicationClosesAt, now)))
    .orderBy(asc(meetings.applicationClosesAt))
    .limit(1);
  const [upcoming] = open
    ? [open]
    : await db.select(columns).from(meetings).where(gt(meetings.applicationOpensAt, now)).orderBy(asc(meetings.applicationOpensAt)).limit(1);
  const found = open ?? upcoming;
  if (!found || !found.opensAt || !found.closesAt) return { state: "closed" };
  const { opensAt, closesAt, ...meeting } = found;
  return {
    state: open ? "open" : "upcoming",
    meeting: { ...meeting, hostCountry: meeting.hostCountry as CountryCode },
    opensAt: new Date(opensAt).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
  };
}

export { registerRevision } from "./register-revision";
