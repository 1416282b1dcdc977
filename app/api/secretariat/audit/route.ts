import { exportAuditLog } from "@/db/queries/audit-log";
import { parseAuditFilters } from "@/lib/audit-filters";
import { csvResponse, toCsv } from "@/lib/csv";
import { translator } from "@/lib/i18n/messages";
import { exportFileName, handleExport } from "@/lib/secretariat-export";

export const dynamic = "force-dynamic";

/** The audit log under the filters of its URL, as CSV. */
export async function GET(request: Request): Promise<Response> {
  return handleExport(request, async (actor, params, locale) => {
    const rows = await exportAuditLog(actor, parseAuditFilters(params));
    const t = translator(locale, "AuditLog");
    const header = [t("when"), t("action"), t("who"), t("target"), t("details")];
    const body = rows.map((row) => [
      row.createdAt,
      row.action,
      row.actor?.email ?? t("system"),
      row.targetType && row.targetId ? `${row.targetType}:${row.targetId}` : "",
      row.data ? JSON.stringify(row.data) : "",
    ]);
    return csvResponse(toCsv(header, body), exportFileName("audit-log"));
  });
}
