"use client";

import { useTranslations } from "next-intl";
import { LOCALES } from "@/lib/domain";

/**
 * A confirmed delegate's letter of invitation: in the delegate's language, or in another one when a
 * consulate asks for it (the letter's text is the same in each).
 */
export function LetterLinks({ delegateId, name, label }: { delegateId: string; name: string; label: string }) {
  const t = useTranslations("DelegatesStaff");
  const tLanguage = useTranslations("LocaleSwitcher");
  const href = `/api/delegates/${delegateId}/letter`;
  return (
    <div className="space-y-1">
      <a href={href} className="inline-flex min-h-11 items-center text-brand-800 underline" download>
        {label}
      </a>
      <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-700">
        <span>{t("letterIn")}</span>
        {LOCALES.map((locale) => (
          <a
            key={locale}
            href={`${href}?locale=${locale}`}
            lang={locale}
            hrefLang={locale}
            aria-label={t("letterInFor", { language: tLanguage(locale), name })}
            className="inline-flex min-h-11 items-center text-brand-800 underline"
            download
          >
            {tLanguage(locale)}
          </a>
        ))}
      </p>
    </div>
  );
}
