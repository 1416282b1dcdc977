import { getPendingApplications } from "@/db/queries/public-register-cache";
import { OPEN_DATA_HEADERS } from "@/lib/open-data-request";
import { pendingCsv, pendingRecord } from "@/lib/server/pending-open-data";

/** The applications awaiting a decision, as CSV. */
export async function GET() {
  const applications = await getPendingApplications();
  return new Response(pendingCsv(applications.map(pendingRecord)), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="csm-pending-applications.csv"',
    },
  });
}
