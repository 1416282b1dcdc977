import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import type { Locale } from "@/lib/domain";
import { countryOrder } from "@/lib/country-order";
import { PUBLIC_TAGS } from "@/lib/server/public-cache";
import type { RegisterQuery } from "@/lib/register-query";
import {
  currentApplicationWindow,
  exportPublicOrganizations,
  findListedOrganizationId,
  getPublicOrganization,
  listPublicOrganizations,
  listPublicOrganizationSlugs,
  registerFigures,
  registerRevision,
} from "./public-register";
import { listPendingApplications } from "./pending-register";

/*
 * The public register as read through Next's data cache (docs/register-cache.md).
 *  - Entries carry the tags of lib/server/public-cache.ts: expirePublicOrganization() expires them at
 *    once on the instance that made the change.
 *  - Every key also holds the register's revision, read from the database on each request (one
 *    primary-key read of a counter that triggers raise): a change made through another instance changes the revision, so
 *    this instance stops using the old entries at once too.
 *  - REVALIDATE_SECONDS bounds the age of an entry whatever happens (e.g. a write that neither
 *    expires the tags nor changes anything the triggers watch).
 */
export const REVALIDATE_SECONDS = 60;

const registerOptions = { tags: [PUBLIC_TAGS.register], revalidate: REVALIDATE_SECONDS };

/** Once per request (React's request cache), however many cached reads the page makes. */
const currentRevision = cache(() => registerRevision());

const sortsByCountry = (query: RegisterQuery, locale: Locale) => (query.sort === "country" ? countryOrder(locale) : []);

const cachedPage = unstable_cache(
  (query: RegisterQuery, order: string[], _revision: string) => listPublicOrganizations(query, order),
  ["public-register:page"],
  registerOptions,
);
export const getRegisterPage = async (query: RegisterQuery, locale: Locale) => cachedPage(query, sortsByCountry(query, locale), await currentRevision());

const cachedExport = unstable_cache(
  (query: RegisterQuery, order: string[], _revision: string) => exportPublicOrganizations(query, order),
  ["public-register:export"],
  registerOptions,
);
/** The page number and size do not apply: a download holds every matching organization. */
export const getRegisterExport = async (query: RegisterQuery, locale: Locale) =>
  cachedExport({ ...query, page: 1, perPage: 0 }, sortsByCountry(query, locale), await currentRevision());

const cachedFigures = unstable_cache((_revision: string) => registerFigures(), ["public-register:figures"], {
  tags: [PUBLIC_TAGS.register, PUBLIC_TAGS.figures],
  revalidate: REVALIDATE_SECONDS,
});
export const getRegisterFigures = async () => cachedFigures(await currentRevision());

const cachedOrganizationId = unstable_cache((slug: string, _revision: string) => findListedOrganizationId(slug), ["public-register:slug"], registerOptions);

/** An organization's public page, tagged with its own tag and the register's (its links name other organizations). */
export async function getOrganizationPage(slug: string) {
  const revision = await currentRevision();
  const id = await cachedOrganizationId(slug, revision);
  if (!id) return null;
  return unstable_cache((organizationId: string, _revision: string) => getPublicOrganization(organizationId), ["public-register:organization"], {
    tags: [PUBLIC_TAGS.register, PUBLIC_TAGS.organization(id)],
    revalidate: REVALIDATE_SECONDS,
  })(id, revision);
}

const cachedSitemap = unstable_cache((_revision: string) => listPublicOrganizationSlugs(), ["public-register:sitemap"], registerOptions);
export const getSitemapOrganizations = async () => cachedSitemap(await currentRevision());

const cachedWindow = unstable_cache((_revision: string) => currentApplicationWindow(), ["public-register:window"], {
  tags: [PUBLIC_TAGS.meetings],
  revalidate: REVALIDATE_SECONDS,
});
/** The revision includes meetings, so a changed application window shows at once too. */
export const getApplicationWindow = async () => cachedWindow(await currentRevision());

const cachedPending = unstable_cache((_revision: string) => listPendingApplications(), ["public-register:pending"], registerOptions);
/** The applications awaiting a decision: entering or leaving that state, and a deferral, raise the revision. */
export const getPendingApplications = async () => cachedPending(await currentRevision());
