import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/form";
import { countryOrder } from "@/lib/country-order";
import { ACCREDITATION_CATEGORIES, type Locale, ORGANIZATION_TYPES, THEMES } from "@/lib/domain";
import { Link } from "@/lib/i18n/navigation";
import { PAGE_SIZES, REGIONAL, REGISTER_SORTS, type RegisterQuery, hasFilters } from "@/lib/register-query";

const SORT_LABELS = { name: "sortName", name_desc: "sortNameDesc", country: "sortCountry", recent: "sortRecent" } as const;

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

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
          <div className="space-y-1 sm:col-span-2 lg:col-span-3">
            <label htmlFor="register-q" className="block font-medium">
              {t("search")}
            </label>
            <input
              id="register-q"
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={100}
              aria-describedby="register-q-hint"
              className={inputClass}
            />
            <p id="register-q-hint" className="text-sm text-slate-600">
              {t("searchHint")}
            </p>
          </div>
        </div>
        {/* Search comes first; the other filters fold away on a phone and are always shown on a laptop. */}
        <details open={activeFilters > 0} className="disclosure-md-open">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-800">
            {activeFilters > 0 ? t("moreFiltersActive", { count: activeFilters }) : t("moreFilters")}
          </summary>
          <div className="grid grid-cols-1 gap-4 pt-2 sm:grid-cols-2 lg:grid-cols-3 md:pt-0">
              <Field id="register-country" label={t("country")}>
                <select id="register-country" name="country" defaultValue={query.country ?? ""} className={inputClass}>
                  <option value="">{t("allCountries")}</option>
                  {countryOrder(locale).map((code) => (
                    <option key={code} value={code}>
                      {tCountry(code)}
                    </option>
                  ))}
                  <option value={REGIONAL}>{tCountry("regional")}</option>
                </select>
              </Field>
              <Field id="register-category" label={t("category")}>
                <select id="register-category" name="category" defaultValue={query.category ?? ""} className={inputClass}>
                  <option value="">{t("allCategories")}</option>
                  {ACCREDITATION_CATEGORIES.map((category) => (
                    <option key={category} value={category}>
                      {tCategory(category)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="register-status" label={t("status")}>
                <select id="register-status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
                  <option value="">{t("allStatuses")}</option>
                  <option value="active">{t("statusActive")}</option>
                  <option value="suspended">{t("statusSuspended")}</option>
                </select>
              </Field>
              <Field id="register-type" label={t("type")}>
                <select id="register-type" name="type" defaultValue={query.type ?? ""} className={inputClass}>
                  <option value="">{t("allTypes")}</option>
                  {ORGANIZATION_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {tTerms(`type.${type}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="register-theme" label={t("theme")}>
                <select id="register-theme" name="theme" defaultValue={query.theme ?? ""} className={inputClass}>
                  <option value="">{t("allThemes")}</option>
                  {THEMES.map((theme) => (
                    <option key={theme} value={theme}>
                      {tTerms(`theme.${theme}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="register-sort" label={t("sort")}>
                <select id="register-sort" name="sort" defaultValue={query.sort} className={inputClass}>
                  {REGISTER_SORTS.map((sort) => (
                    <option key={sort} value={sort}>
                      {t(SORT_LABELS[sort])}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="register-per-page" label={t("perPage")}>
                <select id="register-per-page" name="per_page" defaultValue={String(query.perPage)} className={inputClass}>
                  {PAGE_SIZES.map((size) => (
                    <option key={size} value={size}>
                      {size}
                    </option>
                  ))}
                </select>
              </Field>
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
