import { meetingBadges } from "@/db/queries/delegate-credentials";
import { badgeLayoutSchema } from "@/lib/credentials";
import { pdfResponse } from "@/lib/server/pdf-response";
import { handleExport } from "@/lib/server/secretariat-export";

export const dynamic = "force-dynamic";

/** The badges of a meeting's confirmed delegates (staff only): `?layout=sheet` (A4, eight a page) or `single`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleExport(request, async (actor, query, locale) => {
    const badges = await meetingBadges(actor, id, badgeLayoutSchema.parse(query.get("layout")), locale);
    return badges ? pdfResponse(badges) : new Response("not found", { status: 404 });
  });
}
