import { pageWindow } from "@/lib/page-window";

const linkClass = "inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-slate-300 px-3 text-brand-800 hover:bg-brand-50";

/** Previous/next and the page numbers around the current one, as plain links that keep the filters in the URL. */
export function Pager({
  label,
  page,
  pageCount,
  hrefFor,
  previous,
  next,
  pageOf,
}: {
  label: string;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  previous: string;
  next: string;
  pageOf: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="space-y-2">
      <p className="text-sm text-slate-700">{pageOf}</p>
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev" className={linkClass}>
              {previous}
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
              {next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
