import { Link } from "@/lib/i18n/navigation";

/** The filter form's submit button and the link back to the unfiltered list. */
export function FilterActions({ applyLabel, clearLabel, clearHref }: { applyLabel: string; clearLabel: string; clearHref: string }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {applyLabel}
      </button>
      <Link href={clearHref} className="text-brand-800 underline">
        {clearLabel}
      </Link>
    </div>
  );
}

/** How many results the filter found, announced to screen readers, and the CSV of the same filter. */
export function ResultsBar({ total, exportHref, exportLabel, testId }: { total: string; exportHref: string; exportLabel: string; testId: string }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p role="status" className="font-semibold" data-testid={testId}>
        {total}
      </p>
      <a href={exportHref} download className="text-brand-800 underline">
        {exportLabel}
      </a>
    </div>
  );
}
