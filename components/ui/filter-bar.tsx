import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/form";
import { Link } from "@/components/ui/link";

export type Option = { value: string; label: string };

function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A labelled <select> of a GET filter form; the first option, "any", sets no filter (left out with `any={false}`). */
export async function FilterSelect<T extends string>({
  name,
  label,
  value,
  any = true,
  options,
  choices = [],
  labelOf = String,
}: {
  name: string;
  label: string;
  value: string | undefined;
  any?: boolean;
  /** Either the options as they are, or the values with a function that names each. */
  options?: Option[];
  choices?: readonly T[];
  labelOf?: (value: T) => string;
}) {
  const t = await getTranslations("UI");
  const shown = options ?? choices.map((choice) => ({ value: choice, label: labelOf(choice) }));
  return (
    <FilterField id={`filter-${name}`} label={label}>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={inputClass}>
        {any && <option value="">{t("filtersAny")}</option>}
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** A labelled text (or date) input of a GET filter form. */
export function FilterInput({ name, label, value, type = "search" }: { name: string; label: string; value: string | undefined; type?: "search" | "date" }) {
  return (
    <FilterField id={`filter-${name}`} label={label}>
      <input id={`filter-${name}`} name={name} type={type} defaultValue={value ?? ""} className={inputClass} />
    </FilterField>
  );
}

/**
 * A list page's GET form: the search first, the other filters folded away on a phone (open when one is set,
 * always open from md up), then how many results the filter found, announced to screen readers.
 */
export async function FilterBar({
  label,
  search,
  activeFilters,
  children,
  clearHref,
  total,
  exportLink,
}: {
  label: string;
  search?: { label: string; value: string | undefined };
  activeFilters: number;
  children: ReactNode;
  clearHref: string;
  /** How many results the filters found, and the test id of that line. */
  total: { text: string; testId: string };
  exportLink?: { href: string; label: string };
}) {
  const t = await getTranslations("UI");
  return (
    <>
      <form method="get" role="search" aria-label={label} className="space-y-4 rounded-lg border border-slate-200 p-4">
        {search && <FilterInput name="q" label={search.label} value={search.value} />}
        <details open={activeFilters > 0} className="group disclosure-md-open">
          <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 after:content-['▾'] group-open:after:content-['▴'] font-medium text-brand-800">
            {activeFilters > 0 ? t("filtersActive", { count: activeFilters }) : t("filtersShow")}
          </summary>
          <div className="grid gap-3 pt-2 sm:grid-cols-2 md:pt-0 lg:grid-cols-4">{children}</div>
        </details>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("filtersApply")}
          </button>
          <Link href={clearHref} className="text-brand-800 underline">
            {t("filtersClear")}
          </Link>
        </div>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status" className="font-semibold" data-testid={total.testId}>
          {total.text}
        </p>
        {exportLink && (
          <a href={exportLink.href} download className="text-brand-800 underline">
            {exportLink.label}
          </a>
        )}
      </div>
    </>
  );
}
