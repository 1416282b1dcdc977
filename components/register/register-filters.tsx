import { getTranslations } from "next-intl/server";
import { SelectField, TextField } from "@/components/ui/field";
import { countryOrder } from "@/lib/country-order";
import { ACCREDITATION_CATEGORIES, type Locale, ORGANIZATION_TYPES, THEMES } from "@/lib/domain";
import { Link } from "@/components/ui/link";
import { PAGE_SIZES, REGIONAL, REGISTER_SORTS, type RegisterQuery, hasFilters } from "@/lib/register-query";

const SORT_LABELS = { name: "sortName", name_desc: "sortNameDesc", country: "sortCountry", recent: "sortRecent" } as const;

/** A plain GET form: the search lives in the URL, and works without JavaScript. */
export async function RegisterFilters({ query, locale }: { query: RegisterQuery; locale: Locale }) {
  const [t, tCountry, tCategory, tTerms] = await Promise.all([
    getTranslations("Register"),
    getTranslations("Country"),
    getTranslations("Category"),
    getTranslations("RegisterTerms"),
  ]);
  const activeFilters = [query.country, query.category, query.status, query.type, query.theme].filter(Boolean).length;
  return (
    <section aria-labelledby="register-filters" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 id="register-filters" className="mb-3 text-xl font-semibold">
        {t("filtersTitle")}
      </h2>
      <form method="get" action={`/${locale}/register`} role="search" aria-labelledby="register-filters" className="space-y-4">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <div className="sm:col-span-2 lg:col-span-3">
            <TextField
              id="register-q"
              name="q"
              type="search"
              label={t("search")}
              hint={t("searchHint")}
              defaultValue={query.q}
              inputProps={{ maxLength: 100 }}
            />
          </div>
        </div>
        {/* Search comes first; the other filters fold away on a phone and are always shown on a laptop. */}
        <details open={activeFilters > 0} className="group disclosure-md-open">
          <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 after:content-['▾'] group-open:after:content-['▴'] font-medium text-brand-800">
            {activeFilters > 0 ? t("moreFiltersActive", { count: activeFilters }) : t("moreFilters")}
          </summary>
          <div className="grid grid-cols-1 gap-4 pt-2 sm:grid-cols-2 lg:grid-cols-3 md:pt-0">
            <SelectField
              id="register-country"
              name="country"
              label={t("country")}
              placeholder={t("allCountries")}
              defaultValue={query.country ?? ""}
              options={[...countryOrder(locale).map((code) => ({ value: code, label: tCountry(code) })), { value: REGIONAL, label: tCountry("regional") }]}
            />
            <SelectField
              id="register-category"
              name="category"
              label={t("category")}
              placeholder={t("allCategories")}
              defaultValue={query.category ?? ""}
              options={ACCREDITATION_CATEGORIES.map((category) => ({ value: category, label: tCategory(category) }))}
            />
            <SelectField
              id="register-status"
              name="status"
              label={t("status")}
              placeholder={t("allStatuses")}
              defaultValue={query.status ?? ""}
              options={[
                { value: "active", label: t("statusActive") },
                { value: "suspended", label: t("statusSuspended") },
              ]}
            />
            <SelectField
              id="register-type"
              name="type"
              label={t("type")}
              placeholder={t("allTypes")}
              defaultValue={query.type ?? ""}
              options={ORGANIZATION_TYPES.map((type) => ({ value: type, label: tTerms(`type.${type}`) }))}
            />
            <SelectField
              id="register-theme"
              name="theme"
              label={t("theme")}
              placeholder={t("allThemes")}
              defaultValue={query.theme ?? ""}
              options={THEMES.map((theme) => ({ value: theme, label: tTerms(`theme.${theme}`) }))}
            />
            <SelectField
              id="register-sort"
              name="sort"
              label={t("sort")}
              defaultValue={query.sort}
              options={REGISTER_SORTS.map((sort) => ({ value: sort, label: t(SORT_LABELS[sort]) }))}
            />
            <SelectField
              id="register-per-page"
              name="per_page"
              label={t("perPage")}
              defaultValue={String(query.perPage)}
              options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
            />
          </div>
        </details>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
            {t("submit")}
          </button>
          {hasFilters(query) && (
            <Link href="/register" className="px-2 py-2 text-brand-700 underline">
              {t("clear")}
            </Link>
          )}
        </div>
      </form>
    </section>
  );
}
