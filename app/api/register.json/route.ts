import type { NextRequest } from "next/server";
import { getRegisterExport } from "@/db/queries/public-register-cache";
import { OPEN_DATA_HEADERS, requestedLocale } from "@/lib/open-data-request";
import { openDataRecord } from "@/lib/server/register-open-data";
import { parseRegisterQuery } from "@/lib/register-query";

/** The register (or the part matching the filters in the query string) as one JSON document. */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const locale = requestedLocale(params);
  const organizations = await getRegisterExport(parseRegisterQuery(params), locale);
  const body = {
    generated_at: new Date().toISOString(),
    total: organizations.length,
    organizations: organizations.map((org) => openDataRecord(org, locale)),
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'inline; filename="csm-register.json"',
    },
  });
}
