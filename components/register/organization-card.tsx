import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicOrganizationSummary } from "@/db/queries/public-register";
import { Link } from "@/components/ui/link";
import { AccreditationBadges } from "./accreditation-badges";

export async function OrganizationCard({ organization: org }: { organization: PublicOrganizationSummary }) {
  const [t, tCountry, tTerms, format] = await Promise.all([
    getTranslations("Register"),
    getTranslations("Country"),
    getTranslations("RegisterTerms"),
    getFormatter(),
  ]);
  const place = [org.city, tCountry(org.country ?? "regional")].filter(Boolean).join(", ");
  return (
    <article className="h-full space-y-2 rounded-lg border border-slate-200 p-4" data-slug={org.slug}>
      <h3 className="text-lg font-semibold leading-snug">
        <Link href={`/register/${org.slug}`} className="text-brand-700 underline decoration-1 underline-offset-2 hover:text-brand-800">
          {org.name}
        </Link>
        {org.acronym && <span className="ml-1 font-normal text-slate-700">({org.acronym})</span>}
      </h3>
      <AccreditationBadges category={org.accreditation.category} status={org.accreditation.status} />
      <p className="text-slate-700">
        {place} · {tTerms(`type.${org.type}`)}
      </p>
      {org.themes.length > 0 && <p className="text-sm text-slate-700">{org.themes.map((theme) => tTerms(`theme.${theme}`)).join(" · ")}</p>}
      <p className="text-sm text-slate-600">{t("accreditedSince", { date: format.dateTime(new Date(org.accreditation.since), { dateStyle: "long" }) })}</p>
    </article>
  );
}
