import {
  ACCREDITATION_CATEGORIES,
  type AccreditationCategory,
  CSM_COUNTRIES,
  type CountryCode,
  ORGANIZATION_TYPES,
  type OrganizationType,
  THEMES,
  type Theme,
} from "./domain";

/** Statuses the public register shows; revoked accreditations are not listed at all. */
export const PUBLIC_ACCREDITATION_STATUSES = ["active", "suspended"] as const;
export type PublicAccreditationStatus = (typeof PUBLIC_ACCREDITATION_STATUSES)[number];

export const REGISTER_SORTS = ["name", "name_desc", "country", "recent"] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

/** Organizations registered outside any single CSM state (country is null). */
export const REGIONAL = "regional";
export type RegisterCountry = CountryCode | typeof REGIONAL;

export const REGISTER_PAGE_SIZE = 20;
export const API_MAX_PAGE_SIZE = 100;
/** Page sizes a visitor can choose on the register page. */
export const PAGE_SIZES = [10, 20, 50] as const;
const MAX_QUERY_LENGTH = 100;

/** What a visitor asked the register for: the page, the downloads and the API all read it from the URL. */
export type RegisterQuery = {
  q: string;
  country: RegisterCountry | null;
  category: AccreditationCategory | null;
  status: PublicAccreditationStatus | null;
  type: OrganizationType | null;
  theme: Theme | null;
  sort: RegisterSort;
  page: number;
  perPage: number;
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, name: string): string {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

function oneOf<T extends string>(allowed: readonly T[], value: string): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function positiveInt(value: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d{1,9}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? Math.min(n, max) : fallback;
}

/** Unknown or malformed values are dropped, never an error: a shared link keeps working. */
export function parseRegisterQuery(params: Params, { defaultPerPage = REGISTER_PAGE_SIZE, maxPerPage = REGISTER_PAGE_SIZE } = {}): RegisterQuery {
  return {
    q: read(params, "q").slice(0, MAX_QUERY_LENGTH),
    country: oneOf<RegisterCountry>([...CSM_COUNTRIES, REGIONAL], read(params, "country")),
    category: oneOf(ACCREDITATION_CATEGORIES, read(params, "category")),
    status: oneOf(PUBLIC_ACCREDITATION_STATUSES, read(params, "status")),
    type: oneOf(ORGANIZATION_TYPES, read(params, "type")),
    theme: oneOf(THEMES, read(params, "theme")),
    sort: oneOf(REGISTER_SORTS, read(params, "sort")) ?? "name",
    page: positiveInt(read(params, "page"), 1),
    perPage: positiveInt(read(params, "per_page"), defaultPerPage, maxPerPage),
  };
}

/** The URL parameters of a query, without defaults, so equal queries give equal URLs. */
export function registerSearchParams(
  query: Partial<RegisterQuery>,
  { withPage = true, withPerPage = false }: { withPage?: boolean; withPerPage?: boolean | "non-default" } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const name of ["country", "category", "status", "type", "theme"] as const) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  if (query.sort && query.sort !== "name") params.set("sort", query.sort);
  if (withPage && query.page && query.page > 1) params.set("page", String(query.page));
  const perPageShown = withPerPage === "non-default" ? query.perPage !== REGISTER_PAGE_SIZE : withPerPage;
  if (perPageShown && query.perPage) params.set("per_page", String(query.perPage));
  return params;
}

export function hasFilters(query: RegisterQuery): boolean {
  return Boolean(query.q || query.country || query.category || query.status || query.type || query.theme);
}
