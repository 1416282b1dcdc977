import { getTranslations } from "next-intl/server";
import { DocumentUpload } from "@/components/applicant/document-upload";
import { requiredDocuments } from "@/lib/application-sections";
import { DOCUMENT_KINDS } from "@/lib/domain";
import { Link } from "@/components/ui/link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { removeDocumentAction, uploadDocumentAction } from "../../../actions";
import { loadOwnApplication } from "../load";

export const generateMetadata = titleMetadata("ApplicantSection", "documents");

export default async function ApplicationDocumentsPage({ params }: PageProps<"/[locale]/applicant/applications/[id]/documents">) {
  await setPageLocale(params);
  const { id } = await params;
  const application = await loadOwnApplication(id);
  const [t, tSection, tNav] = await Promise.all([getTranslations("ApplicantDocuments"), getTranslations("ApplicantSection"), getTranslations("ApplicantNav")]);
  const required = requiredDocuments(application.sections);
  const editable = application.editable.documents;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{tSection("documents")}</h1>
      <p className="max-w-2xl text-slate-700">{tSection("documentsLead")}</p>
      {!editable && <p className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2">{tNav("readOnly")}</p>}
      {DOCUMENT_KINDS.map((kind) => {
        const current = application.documents.find((doc) => doc.kind === kind) ?? null;
        return (
          <DocumentUpload
            key={kind}
            applicationId={application.id}
            uploadAction={uploadDocumentAction}
            removeAction={removeDocumentAction}
            kind={kind}
            label={t(`kind.${kind}`)}
            required={required.includes(kind)}
            current={current && { id: current.id, fileName: current.fileName, size: current.size }}
            editable={editable}
          />
        );
      })}
      {application.status === "draft" && (
        <Link href={`/applicant/applications/${application.id}/declarations`} className="inline-block text-brand-800 underline">
          {t("next")}
        </Link>
      )}
    </section>
  );
}
