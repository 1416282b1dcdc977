import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/domain";
import { routing } from "./routing";

type LocaleParams = Promise<{ locale: string }>;

/** The route's locale; a segment that names no supported language is a 404. */
export async function localeOf(params: LocaleParams): Promise<Locale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  return locale;
}

/** For pages and layouts: the route's locale, also set for this request so it can render statically. */
export async function setPageLocale(params: LocaleParams): Promise<Locale> {
  const locale = await localeOf(params);
  setRequestLocale(locale);
  return locale;
}
