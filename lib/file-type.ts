/** The only file types the portal accepts, judged by their first bytes, never by name or browser claim. */
export const ACCEPTED_FILE_TYPES = {
  "application/pdf": { extension: "pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  "image/png": { extension: "png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  "image/jpeg": { extension: "jpg", magic: [0xff, 0xd8, 0xff] },
} as const;
export type AcceptedFileType = keyof typeof ACCEPTED_FILE_TYPES;

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export function detectFileType(bytes: Uint8Array): AcceptedFileType | null {
  for (const [type, { magic }] of Object.entries(ACCEPTED_FILE_TYPES)) {
    if (bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte)) return type as AcceptedFileType;
  }
  return null;
}
