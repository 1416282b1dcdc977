import type { Metadata } from "next";
import { PrivacyNoticeLink } from "@/components/privacy/privacy-notice-link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SectionForm } from "@/components/applicant/section-form";
import { SectionSummary } from "@/components/applicant/section-summary";
import { isFormSection } from "@/lib/application-sections";
import { Link } from "@/components/ui/link";
import { sectionValues } from "@/lib/section-form";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";
import { saveSectionAction } from "../../../actions";
import { loadOwnApplication } from "../load";

type Props = PageProps<"/[locale]/applicant/applications/[id]/[section]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { section } = await params;
  const t = await getTranslations({ locale, namespace: "ApplicantSection" });
  return { title: isFormSection(section) ? t(section) : undefined };
}

export default async function ApplicationSectionPage({ params }: PageProps<"/[locale]/applicant/applications/[id]/[section]">) {
  await setPageLocale(params);
  const { id, section } = await params;
  const application = await loadOwnApplication(id);
  if (!isFormSection(section) || (section === "renewal" && !application.isRenewal)) notFound();
  const [t, tSection, tForm] = await Promise.all([getTranslations("ApplicantNav"), getTranslations("ApplicantSection"), getTranslations("ApplicantForm")]);
  const editable = application.editable.sections.includes(section);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{tSection(section)}</h1>
      <PrivacyNoticeLink />
      <p className="max-w-2xl text-slate-700">{tSection(`${section}Lead`)}</p>
      {section === "declarations" && (
        <p>
          {/* A new tab, so what is ticked here is not lost while reading. */}
          <Link href="/code-of-conduct" target="_blank" rel="noopener" className="text-brand-800 underline">
            {tForm("codeOfConductLink")}
          </Link>
        </p>
      )}
      {editable ? (
        <SectionForm
          section={section}
          applicationId={application.id}
          action={saveSectionAction}
          isRenewal={application.isRenewal}
          initial={sectionValues(section, application.sections[section])}
          afterSave={application.status === "draft" ? "next" : "status"}
        />
      ) : (
        <>
          <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2">{t("readOnly")}</p>
          <SectionSummary section={section} sections={application.sections} />
        </>
      )}
    </section>
  );
}
