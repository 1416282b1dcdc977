import { attendanceRows } from "@/db/queries/attendance";
import { csvResponse, toCsv } from "@/lib/csv";
import { translator } from "@/lib/i18n/messages";
import { PORTAL_TIME_ZONE } from "@/lib/meeting-schema";
import { handleExport } from "@/lib/server/secretariat-export";

export const dynamic = "force-dynamic";

/** Every arrival recorded at a meeting's entrance, one row each (staff only). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleExport(request, async (actor, _query, locale) => {
    const result = await attendanceRows(actor, id);
    if (!result) return new Response("not found", { status: 404 });
    const t = translator(locale, "Attendance.csvHeaders");
    const tCountry = translator(locale, "Country");
    const tCategory = translator(locale, "Category");
    const time = new Intl.DateTimeFormat(locale, { timeZone: PORTAL_TIME_ZONE, hour: "2-digit", minute: "2-digit" });
    const header = [t("day"), t("time"), t("name"), t("organization"), t("country"), t("category")];
    const rows = result.rows.map((row) => [
      row.day,
      time.format(row.arrivedAt),
      row.name,
      row.organization,
      tCountry((row.country ?? "regional") as "AR"),
      row.category ? tCategory(row.category) : "",
    ]);
    return csvResponse(toCsv(header, rows), `attendance-${result.meeting.number.replace(/[^A-Za-z0-9-]/g, "")}.csv`);
  });
}
