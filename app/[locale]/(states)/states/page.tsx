import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { type ConsultationListItem, stateConsultations } from "@/db/queries/consultations";
import { Link } from "@/components/ui/link";
import { setPageLocale } from "@/lib/i18n/page-locale";
import { titleMetadata } from "@/lib/i18n/title-metadata";
import { requirePageActor } from "@/lib/server/session";

export const generateMetadata = titleMetadata("States");

export default async function StatesPage({ params }: PageProps<"/[locale]/states">) {
  await setPageLocale(params);
  const actor = await requirePageActor("consultation:answer", "/states");
  const [t, tCountry, tCategory, tLabels, tAnswer, format, consultations] = await Promise.all([
    getTranslations("States"),
    getTranslations("Country"),
    getTranslations("Category"),
    getTranslations("SecretariatLabels"),
    getTranslations("ConsultationAnswer"),
    getFormatter(),
    stateConsultations(actor),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const columns = (closing: string): Column<ConsultationListItem>[] => [
    {
      key: "organization",
      header: t("organization"),
      rowHeader: true,
      cell: (row) => (
        <Link href={`/states/applications/${row.applicationId}`} className="inline-flex min-h-11 items-center font-medium text-brand-800 underline">
          {row.organization}
        </Link>
      ),
    },
    { key: "country", header: t("country"), cell: (row) => tCountry((row.country ?? "regional") as "AR") },
    { key: "type", header: t("type"), cell: (row) => tLabels(`organizationType.${row.type}`) },
    { key: "category", header: t("requestedCategory"), cell: (row) => tCategory(row.requestedCategory) },
    { key: "closes", header: closing, cell: (row) => date(row.closesAt) },
    { key: "answer", header: t("yourAnswer"), cell: (row) => (row.ownAnswer ? tAnswer(row.ownAnswer) : t("notAnswered")) },
  ];
  const open = consultations.filter((row) => row.open);
  const closed = consultations.filter((row) => !row.open);
  return (
    <ListPage title={t("title")} lead={t("lead", { country: tCountry((actor.stateCountry ?? "regional") as "AR") })}>
      <section aria-labelledby="open-title" className="space-y-3">
        <h2 id="open-title" className="text-xl font-semibold">
          {t("openTitle")}
        </h2>
        <DataTable
          caption={t("openTitle")}
          columns={columns(t("closes"))}
          rows={open}
          rowKey={(row) => row.applicationId}
          empty={t("noneOpen")}
          rowTestId="consultation-row"
        />
      </section>
      <section aria-labelledby="closed-title" className="space-y-3">
        <h2 id="closed-title" className="text-xl font-semibold">
          {t("closedTitle")}
        </h2>
        <DataTable
          caption={t("closedTitle")}
          columns={columns(t("closed"))}
          rows={closed}
          rowKey={(row) => row.applicationId}
          empty={t("noneClosed")}
          rowTestId="consultation-row"
        />
      </section>
    </ListPage>
  );
}
