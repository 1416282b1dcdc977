import { getTranslations } from "next-intl/server";
import { SubmitApplicationForm } from "@/components/applicant/application-forms";
import { SectionSummary } from "@/components/applicant/section-summary";
import { requiredFormSections } from "@/lib/application-sections";
import { Link } from "@/components/ui/link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { submitApplicationAction } from "../../../actions";
import { loadOwnApplication } from "../load";

export const generateMetadata = titleMetadata("ApplicantReview");

export default async function ApplicationReviewPage({ params }: PageProps<"/[locale]/applicant/applications/[id]/review">) {
  await setPageLocale(params);
  const { id } = await params;
  const application = await loadOwnApplication(id);
  const [t, tSection, tDocs] = await Promise.all([
    getTranslations("ApplicantReview"),
    getTranslations("ApplicantSection"),
    getTranslations("ApplicantDocuments"),
  ]);
  const base = `/applicant/applications/${application.id}`;
  const { readiness } = application;
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-2xl text-slate-700">{t("lead")}</p>

      <section aria-labelledby="eligibility" className="space-y-2">
        <h2 id="eligibility" className="text-xl font-semibold">
          {t("eligibilityTitle")}
        </h2>
        <ul className="space-y-1">
          {application.eligibility.map((item) => (
            <li key={item.criterion} className="flex flex-wrap items-baseline gap-2">
              <span className={`font-semibold ${item.met ? "text-green-800" : "text-red-800"}`}>{item.met ? t("met") : t("notMet")}</span>
              <span>{t(`criterion.${item.criterion}`)}</span>
              {item.fixAt.map((section) => (
                <Link key={section} href={`${base}/${section}`} className="text-brand-800 underline">
                  {t("goTo", { section: tSection(section) })}
                </Link>
              ))}
            </li>
          ))}
        </ul>
      </section>

      {!readiness.ready && (
        <section aria-labelledby="missing" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-4">
          <h2 id="missing" className="text-lg font-semibold">
            {t("missingTitle")}
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {readiness.missingSections.map((section) => (
              <li key={section}>
                <Link href={`${base}/${section}`} className="text-brand-800 underline">
                  {t("missingSection", { section: tSection(section) })}
                </Link>
              </li>
            ))}
            {readiness.missingDocuments.map((kind) => (
              <li key={kind}>
                <Link href={`${base}/documents`} className="text-brand-800 underline">
                  {t("missingDocument", { document: tDocs(`kind.${kind}`) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {requiredFormSections(application.isRenewal).map((section) => (
        <section key={section} aria-labelledby={`summary-${section}`} className="space-y-2">
          <h2 id={`summary-${section}`} className="text-lg font-semibold">
            {tSection(section)}
          </h2>
          <SectionSummary section={section} sections={application.sections} changeHref={application.status === "draft" ? `${base}/${section}` : undefined} />
        </section>
      ))}

      <section aria-labelledby="summary-documents" className="space-y-2">
        <h2 id="summary-documents" className="text-lg font-semibold">
          {tSection("documents")}
        </h2>
        {application.documents.length === 0 ? (
          <p className="text-slate-700">{t("noDocuments")}</p>
        ) : (
          <dl className="divide-y divide-slate-200 border-y border-slate-200">
            {application.documents.map((document) => (
              <div key={document.id} className="grid grid-cols-1 gap-x-4 py-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)_auto]">
                <dt className="font-medium">{tDocs(`kind.${document.kind}`)}</dt>
                <dd className="break-words">{document.fileName}</dd>
                {application.status === "draft" && (
                  <dd>
                    <Link href={`${base}/documents`} className="inline-flex min-h-11 items-center text-brand-800 underline sm:min-h-0">
                      {t("change")}
                      <span className="sr-only"> {tDocs(`kind.${document.kind}`)}</span>
                    </Link>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        )}
      </section>

      <p>
        <Link href="/code-of-conduct" className="text-brand-800 underline">
          {t("codeOfConductLink")}
        </Link>
      </p>

      {application.status === "draft" ? (
        <SubmitApplicationForm applicationId={application.id} ready={readiness.ready} action={submitApplicationAction} />
      ) : (
        <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2">{t("alreadySubmitted")}</p>
      )}
    </section>
  );
}
