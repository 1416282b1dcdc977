// use-intl/core, not next-intl: the worker and scripts run under the react-server condition, where next-intl's entry loads React client hooks and fails.
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/domain";
import { en, es, pt } from "./catalog-files";

export type Messages = typeof es;
export const catalogs: Record<Locale, Messages> = { es, pt, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** A translator for code that runs outside a request (e-mails, exports, scripts). */
export function translator<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: N) {
  return createTranslator<Messages, N>({ locale, messages: catalogs[locale], namespace });
}
