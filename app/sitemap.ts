import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { getSitemapOrganizations } from "@/db/queries/public-register-cache";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/domain";
import { publicOrigin } from "@/lib/env";

const PUBLIC_PAGES = ["", "/register", "/register/pending", "/how-to-take-part", "/code-of-conduct", "/register/open-data"];

function entry(path: string, lastModified?: string): MetadataRoute.Sitemap {
  const base = publicOrigin();
  const languages = Object.fromEntries([...LOCALES, "x-default"].map((lang) => [lang, `${base}/${lang === "x-default" ? DEFAULT_LOCALE : lang}${path}`]));
  return LOCALES.map((locale) => ({
    url: `${base}/${locale}${path}`,
    ...(lastModified ? { lastModified } : {}),
    alternates: { languages },
  }));
}

/** Every public page in every language, with its hreflang alternates; read at request time (the database is not there at build). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const organizations = await getSitemapOrganizations();
  return [...PUBLIC_PAGES.flatMap((path) => entry(path)), ...organizations.flatMap((org) => entry(`/register/${org.slug}`, org.updatedAt))];
}
