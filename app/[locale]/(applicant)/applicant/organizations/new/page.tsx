import { PrivacyNoticeLink } from "@/components/privacy/privacy-notice-link";
import { getTranslations } from "next-intl/server";
import { SectionForm } from "@/components/applicant/section-form";
import { requirePageActor } from "@/lib/server/session";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { createOrganizationAction } from "../../actions";

export const generateMetadata = titleMetadata("ApplicantHome", "create");

export default async function NewOrganizationPage({ params }: PageProps<"/[locale]/applicant/organizations/new">) {
  await setPageLocale(params);
  await requirePageActor("organization:manage-own", "/applicant/organizations/new");
  const t = await getTranslations("ApplicantHome");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("create")}</h1>
      <PrivacyNoticeLink />
      <p className="max-w-2xl text-slate-700">{t("createLead")}</p>
      <SectionForm section="organization" initial={{}} action={createOrganizationAction} />
    </section>
  );
}
