import { exportOwnData } from "@/db/queries/account";
import { contentDisposition } from "@/lib/content-disposition";
import { handleExport } from "@/lib/server/secretariat-export";

export const dynamic = "force-dynamic";

/** Everything the portal holds about the signed-in person, as one JSON file; nobody else's. */
export async function GET(request: Request): Promise<Response> {
  return handleExport(request, async (actor) => {
    const data = await exportOwnData(actor);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": contentDisposition("attachment", `my-data-${data.exportedAt.toISOString().slice(0, 10)}.json`, "application/json"),
        "Cache-Control": "no-store",
      },
    });
  });
}
