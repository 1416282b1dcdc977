import { ACCEPTED_FILE_TYPES, type AcceptedFileType } from "./file-type";

/**
 * A header that cannot be used to inject anything: `filename` for old clients (ASCII only,
 * no quotes or separators), `filename*` (RFC 5987) with the real name, and the extension of
 * the detected type when the stored name lacks it.
 */
export function contentDisposition(kind: "attachment" | "inline", fileName: string, contentType: string): string {
  const extension = ACCEPTED_FILE_TYPES[contentType as AcceptedFileType]?.extension;
  const name = extension && !fileName.toLowerCase().endsWith(`.${extension}`) ? `${fileName}.${extension}` : fileName;
  const ascii =
    name
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\;]/g, "_") || `document.${extension ?? "bin"}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
