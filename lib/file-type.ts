/** The only file types the portal accepts, judged by their content, never by name or browser claim. */
export const ACCEPTED_FILE_TYPES = {
  "application/pdf": { extension: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  "image/png": { extension: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  "image/jpeg": { extension: "jpg", magic: [0xff, 0xd8, 0xff] },
} as const;
export type AcceptedFileType = keyof typeof ACCEPTED_FILE_TYPES;

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The type a file's first bytes claim; for a PDF, `isReadablePdf` says whether the rest agrees. */
export function detectFileType(bytes: Uint8Array): AcceptedFileType | null {
  for (const [type, { magic }] of Object.entries(ACCEPTED_FILE_TYPES)) {
    if (bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte)) return type as AcceptedFileType;
  }
  return null;
}

export type ContentRefusal = "bad_type" | "bad_pdf";

/** The type of a file the portal can store, or why its content is refused. */
export function judgeFileContent(bytes: Uint8Array): { type: AcceptedFileType } | { refusal: ContentRefusal } {
  const type = detectFileType(bytes);
  if (!type) return { refusal: "bad_type" };
  if (type === "application/pdf" && !isReadablePdf(bytes)) return { refusal: "bad_pdf" };
  return { type };
}

// The PDF reference (implementation note 18): Acrobat needs %%EOF within the last 1024 bytes.
const PDF_TAIL_BYTES = 1024;
const PDF_HEADER = /^%PDF-(?:1\.\d|2\.0)[\0\t\n\f\r ]/;
const PDF_TRAILER = /startxref[\0\t\n\f\r ]+(\d{1,10})[\0\t\n\f\r ]+%%EOF/g;
// What a cross-reference offset must point at: a table ("xref") or a stream object ("12 0 obj").
const PDF_XREF = /^[\0\t\n\f\r ]*(?:xref|\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+obj)/;

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

/**
 * Whether a file that starts like a PDF has the structure a reader needs to open it: a version
 * header, and near its end a `startxref` whose offset points at a cross-reference table or stream,
 * then `%%EOF`. A text file given a PDF header, or a PDF cut short in transfer, has no such ending.
 * The objects themselves are not parsed: a reader repairs small damage there, not a missing end.
 */
export function isReadablePdf(bytes: Uint8Array): boolean {
  if (!PDF_HEADER.test(latin1(bytes, 0, 16))) return false;
  const tailStart = Math.max(0, bytes.length - PDF_TAIL_BYTES);
  const trailers = [...latin1(bytes, tailStart, bytes.length).matchAll(PDF_TRAILER)];
  const last = trailers.at(-1);
  if (!last) return false;
  const offset = Number(last[1]);
  if (offset >= tailStart + last.index) return false;
  return PDF_XREF.test(latin1(bytes, offset, Math.min(offset + 64, bytes.length)));
}
