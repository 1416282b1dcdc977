import "server-only";
import { contentDisposition } from "@/lib/content-disposition";

/** A PDF made for the person asking: downloaded, never cached, never run or framed as a page. */
export function pdfResponse(file: { fileName: string; bytes: Uint8Array }): Response {
  return new Response(file.bytes as BodyInit, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": contentDisposition("attachment", file.fileName, "application/pdf"),
      "Cache-Control": "private, no-store",
    },
  });
}
