import { getPendingApplications } from "@/db/queries/public-register-cache";
import { OPEN_DATA_HEADERS } from "@/lib/open-data-request";
import { pendingRecord } from "@/lib/server/pending-open-data";

/** The applications awaiting a decision, as one JSON document. */
export async function GET() {
  const applications = await getPendingApplications();
  const body = { generated_at: new Date().toISOString(), total: applications.length, applications: applications.map(pendingRecord) };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'inline; filename="csm-pending-applications.json"',
    },
  });
}
