import type { PublicOrganizationSummary } from "@/db/queries/public-register";
import { toCsv } from "@/lib/csv";
import type { Locale } from "@/lib/domain";
import { publicOrigin } from "@/lib/env";

/** One organization as the downloads and the API publish it: codes, not translations, so programs can rely on them. */
export type OpenDataRecord = {
  slug: string;
  name: string;
  acronym: string | null;
  type: string;
  country: string | null;
  city: string | null;
  category: string;
  status: string;
  accredited_since: string;
  themes: string[];
  countries_of_work: string[];
  website: string | null;
  url: string;
};

export const OPEN_DATA_FIELDS = [
  "slug",
  "name",
  "acronym",
  "type",
  "country",
  "city",
  "category",
  "status",
  "accredited_since",
  "themes",
  "countries_of_work",
  "website",
  "url",
] as const satisfies readonly (keyof OpenDataRecord)[];

export function openDataRecord(org: PublicOrganizationSummary, locale: Locale): OpenDataRecord {
  return {
    slug: org.slug,
    name: org.name,
    acronym: org.acronym,
    type: org.type,
    country: org.country,
    city: org.city,
    category: org.accreditation.category,
    status: org.accreditation.status,
    accredited_since: org.accreditation.since,
    themes: org.themes,
    countries_of_work: org.countriesOfWork,
    website: org.website,
    url: `${publicOrigin()}/${locale}/register/${encodeURIComponent(org.slug)}`,
  };
}

export function openDataCsv(records: OpenDataRecord[]): string {
  return toCsv(
    OPEN_DATA_FIELDS,
    records.map((record) =>
      OPEN_DATA_FIELDS.map((field) => {
        const value = record[field];
        return Array.isArray(value) ? value.join(";") : value;
      }),
    ),
  );
}
