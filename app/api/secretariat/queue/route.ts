import { exportReviewQueue } from "@/db/queries/review-queue";
import { csvResponse, toCsv } from "@/lib/csv";
import { translator } from "@/lib/i18n/messages";
import { parseQueueFilters } from "@/lib/queue-filters";
import { exportFileName, handleExport } from "@/lib/server/secretariat-export";

export const dynamic = "force-dynamic";

/** The review queue under the filters of its URL, as CSV. */
export async function GET(request: Request): Promise<Response> {
  return handleExport(request, async (actor, params, locale) => {
    const rows = await exportReviewQueue(actor, parseQueueFilters(params));
    const t = translator(locale, "Queue");
    const tStatus = translator(locale, "Status");
    const tCountry = translator(locale, "Country");
    const tCategory = translator(locale, "Category");
    const tLabels = translator(locale, "SecretariatLabels");
    const tKind = translator(locale, "ApplicationKind");
    const header = [
      t("csvId"),
      t("organization"),
      t("csvAcronym"),
      t("type"),
      t("country"),
      t("status"),
      t("category"),
      tKind("column"),
      t("submitted"),
      t("updated"),
      t("assigned"),
    ];
    const body = rows.map((row) => [
      row.id,
      row.organization.legalName,
      row.organization.acronym,
      tLabels(`organizationType.${row.organization.type}`),
      tCountry((row.organization.country ?? "regional") as "AR"),
      tStatus(row.status),
      tCategory(row.requestedCategory),
      tKind(row.isRenewal ? "renewal" : "new"),
      row.submittedAt,
      row.updatedAt,
      row.reviewer?.email ?? "",
    ]);
    return csvResponse(toCsv(header, body), exportFileName("review-queue"));
  });
}
