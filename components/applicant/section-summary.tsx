import { getTranslations } from "next-intl/server";
import { type ApplicationSections, type FormSectionId, SECTION_FIELDS } from "@/lib/application-sections";

/** A section's saved answers, read-only (review page, and sections closed for editing). */
export async function SectionSummary({ section, sections }: { section: FormSectionId; sections: ApplicationSections }) {
  const t = await getTranslations("ApplicantForm");
  const tChoice = await getTranslations("ApplicantChoices");
  const tCountry = await getTranslations("Country");
  const tYesNo = await getTranslations("ApplicantReview");
  const yes = (value: boolean) => (value ? tYesNo("yes") : tYesNo("no"));
  // Values by field; the rows follow SECTION_FIELDS, the form's order.
  const inOrder = <S extends FormSectionId>(id: S, values: Record<(typeof SECTION_FIELDS)[S][number], string>): [string, string][] =>
    (SECTION_FIELDS[id] as readonly (typeof SECTION_FIELDS)[S][number][]).map((field) => [
      t(field === "report" ? "renewalReport" : (field as Exclude<typeof field, "report">)),
      values[field],
    ]);
  let rows: [string, string][] = [];
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
        rows = inOrder(section, { requestedCategory: category, truthful: yes(s.truthful), codeOfConduct: yes(s.codeOfConduct) });
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
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-3">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className="break-words whitespace-pre-line sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
