import type { NextRequest } from "next/server";
import { getRegisterExport } from "@/db/queries/public-register-cache";
import { OPEN_DATA_HEADERS, requestedLocale } from "@/lib/open-data-request";
import { openDataCsv, openDataRecord } from "@/lib/server/register-open-data";
import { parseRegisterQuery } from "@/lib/register-query";

/** The register (or the part matching the filters in the query string) as CSV. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const locale = requestedLocale(params);
  const organizations = await getRegisterExport(parseRegisterQuery(params), locale);
  return new Response(openDataCsv(organizations.map((org) => openDataRecord(org, locale))), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="csm-register.csv"',
    },
  });
}
