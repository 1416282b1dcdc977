import { getTranslations } from "next-intl/server";
import type { OwnApplication } from "@/db/queries/applications-own";
import { SECTION_IDS } from "@/lib/application-sections";
import { Link } from "@/lib/i18n/navigation";

/** The application's pages, each section marked complete or not (in words, not only by colour). */
export async function ApplicationNav({ application }: { application: OwnApplication }) {
  const t = await getTranslations("ApplicantNav");
  const tSection = await getTranslations("ApplicantSection");
  const base = `/applicant/applications/${application.id}`;
  const sections: { id: string; label: string; complete: boolean | null }[] = SECTION_IDS.map((id) => ({
    id,
    label: tSection(id),
    complete: application.completed.includes(id),
  }));
  if (application.isRenewal) {
    sections.push({ id: "renewal", label: tSection("renewal"), complete: !application.readiness.missingSections.includes("renewal") });
  }
  return (
    <nav aria-label={t("label")} className="md:w-64 md:shrink-0">
      <ol className="space-y-1">
        <li>
          <Link href={base} className="block rounded px-2 py-1 text-brand-800 hover:bg-brand-50">
            {t("status")}
          </Link>
        </li>
        {sections.map((section, index) => (
          <li key={section.id}>
            <Link href={`${base}/${section.id}`} className="flex items-center justify-between gap-2 rounded px-2 py-1 text-brand-800 hover:bg-brand-50">
              <span>
                {index + 1}. {section.label}
              </span>
              <span className={`text-xs ${section.complete ? "text-green-800" : "text-slate-600"}`}>{section.complete ? t("complete") : t("incomplete")}</span>
            </Link>
          </li>
        ))}
        <li>
          <Link href={`${base}/review`} className="block rounded px-2 py-1 text-brand-800 hover:bg-brand-50">
            {t("review")}
          </Link>
        </li>
      </ol>
    </nav>
  );
}
