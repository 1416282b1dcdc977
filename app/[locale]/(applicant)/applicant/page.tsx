import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import { listMyOrganizations } from "@/db/queries/organizations";
import { requirePageActor } from "@/lib/session";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: locale as "es", namespace: "Applicant" });
  return { title: t("title") };
}

export default async function ApplicantHomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale as "es");
  const actor = await requirePageActor("application:read-own", "/applicant");
  const [t, tCategory, tCountry, format, organizations] = await Promise.all([
    getTranslations("Applicant"),
    getTranslations("Category"),
    getTranslations("Country"),
    getFormatter(),
    listMyOrganizations(actor),
  ]);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700">{t("lead")}</p>
      {organizations.length === 0 && <p>{t("noOrganization")}</p>}
      {organizations.map((org) => (
        <article key={org.id} className="space-y-3 rounded-lg border border-slate-200 p-4" aria-labelledby={`org-${org.id}`}>
          <h2 id={`org-${org.id}`} className="text-xl font-semibold">
            {org.legalName}
            {org.acronym ? ` (${org.acronym})` : ""}
          </h2>
          <p className="text-slate-700">
            {tCountry((org.country ?? "regional") as "AR")} ·{" "}
            {org.accreditation ? t("accreditation", { category: tCategory(org.accreditation.category) }) : t("notAccredited")}
          </p>
          <h3 className="font-semibold">{t("applications")}</h3>
          {org.applications.length === 0 ? (
            <p>{t("noApplications")}</p>
          ) : (
            <ul className="space-y-1">
              {org.applications.map((app) => (
                <li key={app.id} className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={app.status} />
                  <span className="text-sm text-slate-600">{format.dateTime(app.updatedAt, { dateStyle: "medium" })}</span>
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </section>
  );
}
