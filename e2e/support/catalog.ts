/**
 * The app's own message catalogs, so the tests assert the texts users actually read in
 * each language (and a changed translation changes the expectation, not the test).
 */
import { catalogs, type Messages } from "@/lib/i18n/messages";

export const LOCALES = ["es", "pt", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}
