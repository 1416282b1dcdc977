import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/ui/filter-bar";
import { ACCREDITATION_CATEGORIES, CSM_COUNTRIES } from "@/lib/domain";

type DomainFilterProps = { label: string; value: string | undefined };

/** The country filter of the secretariat's lists, by the CSM member countries (and "regional" where a list has it). */
export async function CountryFilter({ regional = false, ...props }: DomainFilterProps & { regional?: boolean }) {
  const tCountry = await getTranslations("Country");
  const countries = regional ? [...CSM_COUNTRIES, "regional" as const] : CSM_COUNTRIES;
  return <FilterSelect name="country" {...props} choices={countries} labelOf={(code) => tCountry(code)} />;
}

export async function CategoryFilter(props: DomainFilterProps) {
  const tCategory = await getTranslations("Category");
  return <FilterSelect name="category" {...props} choices={ACCREDITATION_CATEGORIES} labelOf={(category) => tCategory(category)} />;
}
