import { openDocument } from "@/db/queries/documents";
import { contentDisposition } from "@/lib/content-disposition";
import { getActor } from "@/lib/server/session";

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Cache-Control": "private, no-store", "Content-Type": "text/plain; charset=utf-8" } });
}

/** A document's bytes for members of its organization, for staff, and for focal points when shared; 404 for everyone else, signed in or not. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) return notFound();
  let document;
  try {
    document = await openDocument(actor, id);
  } catch {
    return notFound();
  }
  if (!document) return notFound();
  const inline = new URL(request.url).searchParams.get("disposition") === "inline";
  return new Response(document.bytes as BodyInit, {
    headers: {
      "Content-Type": document.contentType,
      "Content-Length": String(document.bytes.length),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", document.fileName, document.contentType),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // The bytes are shown as a document, never run as a page of this site; only the portal's
      // own pages may frame it (the secretariat's PDF preview).
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'self'",
      "X-Frame-Options": "SAMEORIGIN",
    },
  });
}
