import { getFormatter, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import type { StateAnswer } from "@/db/queries/consultations";

type Row = StateAnswer & { answeredBy?: string | null };

/** The member states' answers, one row per state: for the secretariat at any time, for focal points once the window closed. */
export async function ConsultationAnswers({ answers, empty, showWho = false }: { answers: Row[]; empty: string; showWho?: boolean }) {
  const [t, tCountry, tAnswer, tLabels, format] = await Promise.all([
    getTranslations("Consultation"),
    getTranslations("Country"),
    getTranslations("ConsultationAnswer"),
    getTranslations("SecretariatLabels"),
    getFormatter(),
  ]);
  const columns: Column<Row>[] = [
    { key: "state", header: t("state"), rowHeader: true, cell: (row) => tCountry(row.country) },
    { key: "answer", header: t("answer"), cell: (row) => <span className="font-medium">{tAnswer(row.answer)}</span> },
    { key: "criteria", header: t("criteria"), cell: (row) => row.criteria.map((criterion) => tLabels(`criterion.${criterion}`)).join("; ") },
    { key: "reasons", header: t("reasons"), cell: (row) => <span className="whitespace-pre-wrap">{row.reasons}</span> },
    {
      key: "by",
      header: t("by"),
      cell: (row) => [showWho ? row.answeredBy : null, format.dateTime(row.answeredAt, { dateStyle: "medium", timeStyle: "short" })].filter(Boolean).join(", "),
    },
  ];
  return <DataTable caption={t("caption")} columns={columns} rows={answers} rowKey={(row) => row.country} empty={empty} rowTestId="consultation-answer" />;
}
