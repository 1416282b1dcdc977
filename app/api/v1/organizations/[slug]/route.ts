import type { NextRequest } from "next/server";
import { getOrganizationPage } from "@/db/queries/public-register-cache";
import { OPEN_DATA_HEADERS, requestedLocale } from "@/lib/open-data-request";
import { openDataRecord } from "@/lib/server/register-open-data";

/** One organization of the register with its public history, coalition links and meetings. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = requestedLocale(request.nextUrl.searchParams);
  const org = await getOrganizationPage(slug);
  if (!org) return Response.json({ error: "not_found" }, { status: 404, headers: OPEN_DATA_HEADERS });
  return Response.json(
    {
      data: {
        ...openDataRecord(org, locale),
        founded_year: org.foundedYear,
        description: org.description,
        populations_served: org.populationsServed,
        is_coalition: org.isCoalition,
        reason: org.accreditation.reason,
        history: org.history,
        coalitions: org.coalitions,
        members: org.members,
        meetings: org.meetings.map((meeting) => ({
          number: meeting.number,
          host_country: meeting.hostCountry,
          city: meeting.city,
          starts_on: meeting.startsOn,
          ends_on: meeting.endsOn,
          // Its delegation was recorded at the meeting's entrance (what the page calls "took part in").
          attended: meeting.attended,
        })),
      },
    },
    { headers: OPEN_DATA_HEADERS },
  );
}
