/**
 * The app's own message catalogs, so the tests assert the texts users actually read in
 * each language (and a changed translation changes the expectation, not the test).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Messages } from "@/lib/i18n/messages";

export const LOCALES = ["es", "pt", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const cache = new Map<Locale, Messages>();

export function messages(locale: Locale): Messages {
  let catalog = cache.get(locale);
  if (!catalog) {
    const file = path.join(process.cwd(), "lib", "i18n", "messages", `${locale}.json`);
    catalog = JSON.parse(readFileSync(file, "utf8")) as Messages;
    cache.set(locale, catalog);
  }
  return catalog;
}
