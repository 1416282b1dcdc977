import { getTranslations } from "next-intl/server";
import { type ApplicationSections, type FormSectionId, orderedAnswers } from "@/lib/application-sections";

type Value = unknown;

/**
 * The applicant's answers, section by section, in the order of the applicant's form. Whatever is
 * present is shown (known fields with their labels, unknown ones as they are, last); a section not
 * filled in says so.
 */
export async function SectionsView({ sections }: { sections: ApplicationSections }) {
  const [t, tLabels, tCountry, tCategory] = await Promise.all([
    getTranslations("Review"),
    getTranslations("SecretariatLabels"),
    getTranslations("Country"),
    getTranslations("Category"),
  ]);
  const fieldLabel = (key: string) => (t.has(`fields.${key}` as never) ? t(`fields.${key}` as never) : key);
  const country = (code: unknown) => (typeof code === "string" && tCountry.has(code as never) ? tCountry(code as never) : String(code));

  function show(key: string, value: Value): React.ReactNode {
    if (value === null || value === undefined || value === "") return "—";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (key === "type" && typeof value === "string" && tLabels.has(`organizationType.${value}` as never)) {
      return tLabels(`organizationType.${value}` as never);
    }
    if (key === "country") return country(value);
    if (key === "requestedCategory" && (value === "participant" || value === "observer")) return tCategory(value);
    if (key === "countriesOfWork" && Array.isArray(value)) return value.map(country).join(", ");
    if (key === "themes" && Array.isArray(value)) {
      return value.map((theme) => (tLabels.has(`theme.${theme}` as never) ? tLabels(`theme.${theme}` as never) : String(theme))).join(", ");
    }
    if (key === "members" && Array.isArray(value)) {
      return (
        <ul className="list-disc pl-5">
          {value.map((member, index) => {
            const entry = member as { name?: string; country?: string };
            return <li key={index}>{entry.country ? `${entry.name} (${country(entry.country)})` : String(entry.name ?? "")}</li>;
          })}
        </ul>
      );
    }
    if (Array.isArray(value)) return value.map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  const shown: { id: FormSectionId; title: string; data: Record<string, Value> | undefined }[] = [
    { id: "organization", title: tLabels("section.organization"), data: sections.organization },
    { id: "work", title: tLabels("section.work"), data: sections.work },
    { id: "representation", title: tLabels("section.representation"), data: sections.representation },
    { id: "governance", title: tLabels("section.governance"), data: sections.governance },
    { id: "declarations", title: tLabels("section.declarations"), data: sections.declarations },
  ];
  if (sections.renewal) shown.push({ id: "renewal", title: t("fields.renewalReport"), data: { renewalReport: sections.renewal.report } });

  return (
    <div className="space-y-4">
      {shown.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`} className="rounded-lg border border-slate-200 p-4">
          <h3 id={`section-${section.id}`} className="mb-2 font-semibold">
            {section.title}
          </h3>
          {section.data && Object.keys(section.data).length > 0 ? (
            <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              {orderedAnswers(section.id, section.data).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-medium text-slate-700">{fieldLabel(key)}</dt>
                  <dd className="break-words whitespace-pre-wrap">{show(key, value)}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-slate-700">{t("sectionMissing")}</p>
          )}
        </section>
      ))}
    </div>
  );
}
