import { getTranslations } from "next-intl/server";
import { pageWindow } from "@/lib/page-window";

const linkClass = "inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-slate-300 px-3 text-brand-800 hover:bg-brand-50";

/** Previous/next and the page numbers around the current one, as plain links that keep the filters in the URL. */
export async function Pager({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("UI");
  return (
    <nav aria-label={t("pagination")} className="space-y-2">
      <p className="text-sm text-slate-700">{t("pageOf", { page, pageCount })}</p>
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev" className={linkClass}>
              {t("pagePrevious")}
            </a>
          </li>
        )}
        {pageWindow(page, pageCount).map((slot, index) =>
          slot === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={slot}>
              {slot === page ? (
                <span aria-current="page" className={`${linkClass} border-brand-700 bg-brand-700 font-semibold text-white hover:bg-brand-700`}>
                  {slot}
                </span>
              ) : (
                <a href={hrefFor(slot)} className={linkClass}>
                  {slot}
                </a>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a href={hrefFor(page + 1)} rel="next" className={linkClass}>
              {t("pageNext")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
