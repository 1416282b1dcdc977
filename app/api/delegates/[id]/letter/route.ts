import { invitationLetter } from "@/db/queries/delegate-credentials";
import { isLocale } from "@/lib/i18n/messages";
import { pdfResponse } from "@/lib/server/pdf-response";
import { handleExport } from "@/lib/server/secretariat-export";

export const dynamic = "force-dynamic";

/**
 * A confirmed delegate's letter of invitation (PDF), for the members of the delegate's organization
 * and for staff; in the delegate's language unless `?locale=` names another. 404 for anyone else.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleExport(request, async (actor, query) => {
    const locale = query.get("locale");
    const letter = await invitationLetter(actor, id, isLocale(locale) ? locale : undefined);
    return letter ? pdfResponse(letter) : new Response("not found", { status: 404 });
  });
}
