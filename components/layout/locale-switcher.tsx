"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { type MouseEvent, useTransition } from "react";
import { LOCALES, type Locale } from "@/lib/domain";
import { Link } from "@/components/ui/link";
import { usePathname, useRouter } from "@/lib/i18n/navigation";
import { useAccount } from "./account-context";

/** Plain links (they work without JavaScript); a signed-in user's choice is saved before moving. */
export function LocaleSwitcher({ rememberLocaleAction }: { rememberLocaleAction: (locale: Locale) => Promise<void> }) {
  const t = useTranslations("LocaleSwitcher");
  const signedIn = useAccount() !== null;
  const current = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const href = search ? `${pathname}?${search}` : pathname;

  function switchTo(locale: Locale, event: MouseEvent<HTMLAnchorElement>) {
    if (!signedIn || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    startTransition(async () => {
      await rememberLocaleAction(locale);
      router.push(href, { locale });
    });
  }

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
              onClick={(event) => switchTo(locale, event)}
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
