import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { PendingApplication } from "@/db/queries/pending-register";
import { getPendingApplications } from "@/db/queries/public-register-cache";
import { localeOf, setPageLocale } from "@/lib/i18n/page-locale";
import { pageMetadata } from "@/lib/seo";

export async function generateMetadata({ params }: PageProps<"/[locale]/register/pending">): Promise<Metadata> {
  const locale = await localeOf(params);
  const t = await getTranslations({ locale, namespace: "PendingRegister" });
  return pageMetadata(locale, "/register/pending", t("title"), t("lead"));
}

/** The applications awaiting a decision after the recommendation: in consultation, awaiting the decision, or deferred. */
export default async function PendingApplicationsPage({ params }: PageProps<"/[locale]/register/pending">) {
  await setPageLocale(params);
  const [t, tCountry, tLabels, format, applications] = await Promise.all([
    getTranslations("PendingRegister"),
    getTranslations("Country"),
    getTranslations("SecretariatLabels"),
    getFormatter(),
    getPendingApplications(),
  ]);
  const columns: Column<PendingApplication>[] = [
    {
      key: "organization",
      header: t("organization"),
      rowHeader: true,
      cell: (row) =>
        row.name ? (
          <span className="font-medium">
            {row.name}
            {row.acronym ? ` (${row.acronym})` : ""}
          </span>
        ) : (
          <span className="text-slate-700 italic">{t("withheld")}</span>
        ),
    },
    { key: "country", header: t("country"), cell: (row) => tCountry((row.country ?? "regional") as "AR") },
    { key: "type", header: t("type"), cell: (row) => tLabels(`organizationType.${row.type}`) },
    {
      key: "filed",
      header: t("filed"),
      cell: (row) => (row.filedOn ? format.dateTime(new Date(`${row.filedOn}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : ""),
    },
    { key: "stage", header: t("stage"), cell: (row) => t(`stage_${row.stage}`) },
    { key: "deferrals", header: t("deferrals"), cell: (row) => format.number(row.deferrals) },
  ];
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("lead")}</p>
      </header>
      <DataTable
        caption={t("caption")}
        columns={columns}
        rows={applications}
        rowKey={(row) => String(row.position)}
        empty={t("empty")}
        rowTestId="pending-application"
      />
      <p>
        {t.rich("download", {
          csv: (label) => <DownloadLink href="/api/pending.csv">{label}</DownloadLink>,
          json: (label) => <DownloadLink href="/api/pending.json">{label}</DownloadLink>,
          api: (label) => <DownloadLink href="/api/v1/pending-applications">{label}</DownloadLink>,
        })}
      </p>
    </div>
  );
}

function DownloadLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} className="inline-flex min-h-11 items-center font-mono text-brand-700 underline">
      {children}
    </a>
  );
}
