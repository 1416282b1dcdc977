"use client";

import { useTranslations } from "next-intl";

function Bar({ className }: { className: string }) {
  return <div className={`rounded bg-slate-200 motion-safe:animate-pulse ${className}`} />;
}

/**
 * What a signed-in page shows the moment it is opened, while its data is read: the shape of a list
 * page (heading, lead, filters, rows). Announced once to screen readers; the bars are decoration.
 *
 * Used as loading.tsx only in a route group of its own around one page whose permission the layout
 * already checks: a page refused or not found inside a loading boundary would answer with status 200
 * (tests/unit/loading-boundaries.test.ts).
 */
export function PageSkeleton({ rows = 6 }: { rows?: number }) {
  const t = useTranslations("UI");
  return (
    <section className="space-y-6" role="status" aria-live="polite" data-testid="page-skeleton">
      <span className="sr-only">{t("loading")}</span>
      <div aria-hidden="true" className="space-y-6">
        <Bar className="h-8 w-2/3 max-w-md" />
        <Bar className="h-4 w-full max-w-2xl" />
        <div className="flex flex-wrap gap-3">
          <Bar className="h-11 w-40" />
          <Bar className="h-11 w-40" />
          <Bar className="h-11 w-28" />
        </div>
        <div className="space-y-3">
          {Array.from({ length: rows }, (_, row) => (
            <Bar key={row} className="h-12 w-full" />
          ))}
        </div>
      </div>
    </section>
  );
}
