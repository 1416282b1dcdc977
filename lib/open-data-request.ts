import { isLocale } from "./i18n/messages";
import type { Locale } from "./domain";
import { DEFAULT_LOCALE } from "./domain";

/** `?lang=pt` chooses the language of the organization links (and of "by country" sorting). */
export function requestedLocale(params: URLSearchParams): Locale {
  const lang = params.get("lang");
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** Open data: any web page may read it (it is public and needs no credentials). */
export const OPEN_DATA_HEADERS = { "Access-Control-Allow-Origin": "*" } as const;
