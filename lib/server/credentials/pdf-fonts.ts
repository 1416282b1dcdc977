import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

type FontBytes = { regular: Uint8Array; bold: Uint8Array };
export type PdfFonts = { regular: PDFFont; bold: PDFFont };

const FONT_DIRECTORY = "node_modules/dejavu-fonts-ttf/ttf";
let fontBytes: Promise<FontBytes> | undefined;

function loadFontBytes(): Promise<FontBytes> {
  if (!fontBytes) {
    fontBytes = Promise.all([readFont("DejaVuSans.ttf"), readFont("DejaVuSans-Bold.ttf")]).then(([regular, bold]) => ({ regular, bold }));
    // A failed read is not cached, so a later request retries instead of failing for the life of the process.
    fontBytes.catch(() => (fontBytes = undefined));
  }
  return fontBytes;
}

async function readFont(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path.join(process.cwd(), FONT_DIRECTORY, file)));
}

/** DejaVu Sans, embedded (subset) rather than a standard PDF font, so every Latin name prints: ñ, ç, ã, õ, Ł, ő… */
export async function embedFonts(pdf: PDFDocument): Promise<PdfFonts> {
  const bytes = await loadFontBytes();
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([pdf.embedFont(bytes.regular, { subset: true }), pdf.embedFont(bytes.bold, { subset: true })]);
  return { regular, bold };
}
