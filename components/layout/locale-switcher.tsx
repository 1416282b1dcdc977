"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { rememberLocaleAction } from "@/app/[locale]/actions";
import { LOCALES } from "@/lib/domain";
import { Link, usePathname } from "@/lib/i18n/navigation";

export function LocaleSwitcher() {
  const t = useTranslations("LocaleSwitcher");
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const href = search ? `${pathname}?${search}` : pathname;
  return (
    <nav aria-label={t("label")}>
      <ul className="flex gap-1 text-sm">
        {LOCALES.map((locale) => (
          <li key={locale}>
            <Link
              href={href}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
              onClick={() => void rememberLocaleAction(locale)}
              className={`rounded px-2 py-1 ${locale === current ? "bg-brand-700 font-semibold text-white" : "text-brand-800 hover:bg-brand-50"}`}
            >
              {t(locale)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
