import "server-only";
import { unstable_cache } from "next/cache";
import type { Locale } from "@/lib/domain";
import { countryOrder } from "@/lib/country-order";
import { PUBLIC_TAGS } from "@/lib/public-cache";
import type { RegisterQuery } from "@/lib/register-query";
import {
  currentApplicationWindow,
  exportPublicOrganizations,
  findListedOrganizationId,
  getPublicOrganization,
  listPublicOrganizations,
  listPublicOrganizationSlugs,
  registerFigures,
} from "./public-register";

/*
 * The public register as read through Next's data cache. Entries carry the tags of
 * lib/public-cache.ts; expirePublicOrganization() expires them at once on this instance.
 * Other instances keep their own cache and notice only when an entry reaches
 * REVALIDATE_SECONDS (docs/register-cache.md explains the bound).
 */
export const REVALIDATE_SECONDS = 60;

const registerOptions = { tags: [PUBLIC_TAGS.register], revalidate: REVALIDATE_SECONDS };

const sortsByCountry = (query: RegisterQuery, locale: Locale) => (query.sort === "country" ? countryOrder(locale) : []);

const cachedPage = unstable_cache(
  (query: RegisterQuery, order: string[]) => listPublicOrganizations(query, order),
  ["public-register:page"],
  registerOptions,
);
export const getRegisterPage = (query: RegisterQuery, locale: Locale) => cachedPage(query, sortsByCountry(query, locale));

const cachedExport = unstable_cache(
  (query: RegisterQuery, order: string[]) => exportPublicOrganizations(query, order),
  ["public-register:export"],
  registerOptions,
);
/** The page number and size do not apply: a download holds every matching organization. */
export const getRegisterExport = (query: RegisterQuery, locale: Locale) =>
  cachedExport({ ...query, page: 1, perPage: 0 }, sortsByCountry(query, locale));

export const getRegisterFigures = unstable_cache(() => registerFigures(), ["public-register:figures"], {
  tags: [PUBLIC_TAGS.register, PUBLIC_TAGS.figures],
  revalidate: REVALIDATE_SECONDS,
});

const cachedOrganizationId = unstable_cache((slug: string) => findListedOrganizationId(slug), ["public-register:slug"], registerOptions);

/** An organization's public page, tagged with its own tag and the register's (its links name other organizations). */
export async function getOrganizationPage(slug: string) {
  const id = await cachedOrganizationId(slug);
  if (!id) return null;
  return unstable_cache((organizationId: string) => getPublicOrganization(organizationId), ["public-register:organization"], {
    tags: [PUBLIC_TAGS.register, PUBLIC_TAGS.organization(id)],
    revalidate: REVALIDATE_SECONDS,
  })(id);
}

export const getSitemapOrganizations = unstable_cache(() => listPublicOrganizationSlugs(), ["public-register:sitemap"], registerOptions);

/** Meetings change rarely and have no tag of their own yet: a short lifetime keeps the window honest. */
export const getApplicationWindow = unstable_cache(() => currentApplicationWindow(), ["public-register:window"], {
  revalidate: REVALIDATE_SECONDS,
});
