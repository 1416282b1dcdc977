import { CSM_COUNTRIES, type CountryCode, type Locale } from "./domain";
import { catalogs } from "./i18n/messages";

/** The twelve country codes in the alphabetical order of their names in `locale`. */
export function countryOrder(locale: Locale): CountryCode[] {
  const names = catalogs[locale].Country;
  const collator = new Intl.Collator(locale);
  return [...CSM_COUNTRIES].sort((a, b) => collator.compare(names[a], names[b]));
}
