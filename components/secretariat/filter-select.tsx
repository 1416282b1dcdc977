import { inputClass } from "@/components/ui/form";

export type Option = { value: string; label: string };

/** A labelled <select> of a GET filter form; the empty option means "any". */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: Option[];
  anyLabel?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-sm font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={inputClass}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Pagination({
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
  const linkClass = "rounded border border-slate-300 px-3 py-1.5 text-brand-800 hover:bg-brand-50";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3">
      {page > 1 && (
        <a href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          {previous}
        </a>
      )}
      <span aria-current="page">{pageOf}</span>
      {page < pageCount && (
        <a href={hrefFor(page + 1)} rel="next" className={linkClass}>
          {next}
        </a>
      )}
    </nav>
  );
}
