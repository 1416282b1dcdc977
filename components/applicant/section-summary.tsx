import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { type ApplicationSections, type FormSectionId, SECTION_FIELDS } from "@/lib/application-sections";

/** A section's saved answers, read-only (review page, and sections closed for editing). */
type Props = {
  section: FormSectionId;
  sections: ApplicationSections;
  /** The section's form: each answer then gets a "Change" link to its field (check your answers). */
  changeHref?: string;
};

export async function SectionSummary({ section, sections, changeHref }: Props) {
  const t = await getTranslations("ApplicantForm");
  const tChoice = await getTranslations("ApplicantChoices");
  const tCountry = await getTranslations("Country");
  const tYesNo = await getTranslations("ApplicantReview");
  const yes = (value: boolean) => (value ? tYesNo("yes") : tYesNo("no"));
  // Values by field; the rows follow SECTION_FIELDS, the form's order.
  const inOrder = <S extends FormSectionId>(id: S, values: Record<(typeof SECTION_FIELDS)[S][number], string>): [string, string, string][] =>
    (SECTION_FIELDS[id] as readonly (typeof SECTION_FIELDS)[S][number][]).map((field) => [
      field,
      t(field === "report" ? "renewalReport" : (field as Exclude<typeof field, "report">)),
      values[field],
    ]);
  let rows: [string, string, string][] = [];
  switch (section) {
    case "organization": {
      const s = sections.organization;
      if (s) {
        rows = inOrder(section, {
          legalName: s.legalName,
          acronym: s.acronym ?? "—",
          type: tChoice(`type.${s.type}`),
          country: tCountry(s.country),
          city: s.city,
          foundedYear: String(s.foundedYear),
          registryName: s.registryName,
          registryNumber: s.registryNumber,
          website: s.website ?? "—",
          contactEmail: s.contactEmail,
          countriesOfWork: s.countriesOfWork.map((code) => tCountry(code)).join(", "),
        });
      }
      break;
    }
    case "work": {
      const s = sections.work;
      if (s) {
        rows = inOrder(section, {
          themes: s.themes.map((theme) => tChoice(`theme.${theme}`)).join(", "),
          populationsServed: s.populationsServed,
          description: s.description,
        });
      }
      break;
    }
    case "representation": {
      const s = sections.representation;
      if (s) {
        rows = inOrder(section, {
          isCoalition: yes(s.isCoalition),
          members: s.members.map((m) => `${m.name} (${tCountry(m.country)})`).join("; ") || "—",
        });
      }
      break;
    }
    case "governance": {
      const s = sections.governance;
      if (s) rows = inOrder(section, { fundingSources: s.fundingSources, independenceDeclared: yes(s.independenceDeclared) });
      break;
    }
    case "declarations": {
      const s = sections.declarations;
      if (s) {
        const category = s.requestedCategory === "observer" ? t("categoryObserver") : t("categoryParticipant");
        rows = inOrder(section, {
          requestedCategory: category,
          truthful: yes(s.truthful),
          codeOfConduct: yes(s.codeOfConduct),
          membersAtRisk: yes(s.membersAtRisk ?? false),
        });
      }
      break;
    }
    case "renewal": {
      const s = sections.renewal;
      if (s) rows = inOrder(section, { report: s.report });
      break;
    }
  }
  if (rows.length === 0) return <p className="text-slate-700">{tYesNo("notAnswered")}</p>;
  return (
    <dl className="divide-y divide-slate-200 border-y border-slate-200">
      {rows.map(([field, label, value]) => (
        <div key={field} className="grid grid-cols-1 gap-x-4 py-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto]">
          <dt className="font-medium">{label}</dt>
          <dd className="break-words whitespace-pre-line">{value}</dd>
          {changeHref && (
            <dd>
              <Link
                href={`${changeHref}#${field === "members" ? "isCoalition" : field}`}
                className="inline-flex min-h-11 items-center text-brand-800 underline sm:min-h-0"
              >
                {tYesNo("change")}
                <span className="sr-only"> {label}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
