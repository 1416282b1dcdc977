import type { Metadata } from "next";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./domain";
import { publicOrigin } from "./env";

/** `/es/register`, `/pt/register`... for a path given without its locale ("" for the home page). */
export function localizedPath(locale: Locale, path: string): string {
  return `/${locale}${path}`;
}

/** Title, description, canonical address and one hreflang alternate per language (x-default: Spanish). */
export function pageMetadata(locale: Locale, path: string, title: string, description: string): Metadata {
  const languages: Record<string, string> = Object.fromEntries(LOCALES.map((other) => [other, localizedPath(other, path)]));
  languages["x-default"] = localizedPath(DEFAULT_LOCALE, path);
  return {
    metadataBase: new URL(publicOrigin()),
    title,
    description,
    alternates: { canonical: localizedPath(locale, path), languages },
    openGraph: { title, description, url: localizedPath(locale, path), locale, type: "website" },
  };
}
