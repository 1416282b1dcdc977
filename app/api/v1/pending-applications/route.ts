import { getPendingApplications } from "@/db/queries/public-register-cache";
import { OPEN_DATA_HEADERS } from "@/lib/open-data-request";
import { pendingRecord } from "@/lib/server/pending-open-data";

/** Read-only JSON API of the applications awaiting a decision (a short list: not paginated); documented on /{locale}/register/open-data. */
export async function GET() {
  const applications = await getPendingApplications();
  return Response.json({ data: applications.map(pendingRecord), meta: { total: applications.length } }, { headers: OPEN_DATA_HEADERS });
}
