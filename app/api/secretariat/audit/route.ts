import { exportAuditLog } from "@/db/queries/audit-log";
import { describeAudit } from "@/lib/audit-actions";
import { withFormerMember } from "@/lib/erased-person";
import { parseAuditFilters } from "@/lib/audit-filters";
import { csvResponse, toCsv } from "@/lib/csv";
import { translator } from "@/lib/i18n/messages";
import { exportFileName, handleExport } from "@/lib/server/secretariat-export";

export const dynamic = "force-dynamic";

/** The audit log under the filters of its URL, as CSV. */
export async function GET(request: Request): Promise<Response> {
  return handleExport(request, async (actor, params, locale) => {
    const rows = await exportAuditLog(actor, parseAuditFilters(params));
    const t = translator(locale, "AuditLog");
    const tp = translator(locale, "AuditActions.page");
    const formerMember = translator(locale, "Person")("formerMember");
    const header = [
      t("when"),
      tp("actorColumn"),
      tp("entry"),
      tp("reasonColumn"),
      tp("changes"),
      tp("targetColumn"),
      tp("organization"),
      t("who"),
      tp("rawAction"),
      tp("rawTarget"),
      tp("rawDetails"),
    ];
    const body = rows.map((entry) => {
      const row = withFormerMember(entry, formerMember);
      const readable = describeAudit(row, locale);
      return [
        row.createdAt,
        row.actorName ?? t("system"),
        readable.sentence,
        readable.reason ?? "",
        readable.changes.map((change) => tp("change", change)).join("; "),
        row.targetName ?? "",
        row.organizationName ?? "",
        row.actor?.erased ? formerMember : (row.actor?.email ?? t("system")),
        row.action,
        row.targetType && row.targetId ? `${row.targetType}:${row.targetId}` : "",
        row.data ? JSON.stringify(row.data) : "",
      ];
    });
    return csvResponse(toCsv(header, body), exportFileName("audit-log"));
  });
}
