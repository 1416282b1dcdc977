import type { Metadata } from "next";
import { PrivacyNoticeLink } from "@/components/privacy/privacy-notice-link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SectionForm } from "@/components/applicant/section-form";
import { requirePageActor } from "@/lib/session";
import { createOrganizationAction } from "../../actions";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as "es", namespace: "ApplicantHome" });
  return { title: t("create") };
}

export default async function NewOrganizationPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as "es");
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
