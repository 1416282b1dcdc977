import { getTranslations } from "next-intl/server";
import type { ApplicationSections, FormSectionId } from "@/lib/application-sections";

/** A section's saved answers, read-only (review page, and sections closed for editing). */
export async function SectionSummary({ section, sections }: { section: FormSectionId; sections: ApplicationSections }) {
  const t = await getTranslations("ApplicantForm");
  const tChoice = await getTranslations("ApplicantChoices");
  const tCountry = await getTranslations("Country");
  const tYesNo = await getTranslations("ApplicantReview");
  const yes = (value: boolean) => (value ? tYesNo("yes") : tYesNo("no"));
  const rows: [string, string][] = [];
  switch (section) {
    case "organization": {
      const s = sections.organization;
      if (s) {
        rows.push(
          [t("legalName"), s.legalName],
          [t("acronym"), s.acronym ?? "—"],
          [t("type"), tChoice(`type.${s.type}`)],
          [t("country"), tCountry(s.country)],
          [t("city"), s.city],
          [t("foundedYear"), String(s.foundedYear)],
          [t("registryName"), s.registryName],
          [t("registryNumber"), s.registryNumber],
          [t("website"), s.website ?? "—"],
          [t("contactEmail"), s.contactEmail],
          [t("countriesOfWork"), s.countriesOfWork.map((code) => tCountry(code)).join(", ")],
        );
      }
      break;
    }
    case "work": {
      const s = sections.work;
      if (s) rows.push([t("themes"), s.themes.map((theme) => tChoice(`theme.${theme}`)).join(", ")], [t("populationsServed"), s.populationsServed], [t("description"), s.description]);
      break;
    }
    case "representation": {
      const s = sections.representation;
      if (s) rows.push([t("isCoalition"), yes(s.isCoalition)], [t("members"), s.members.map((m) => `${m.name} (${tCountry(m.country)})`).join("; ") || "—"]);
      break;
    }
    case "governance": {
      const s = sections.governance;
      if (s) rows.push([t("fundingSources"), s.fundingSources], [t("independenceDeclared"), yes(s.independenceDeclared)]);
      break;
    }
    case "declarations": {
      const s = sections.declarations;
      if (s) rows.push([t("truthful"), yes(s.truthful)], [t("codeOfConduct"), yes(s.codeOfConduct)]);
      break;
    }
    case "renewal": {
      const s = sections.renewal;
      if (s) rows.push([t("renewalReport"), s.report]);
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
