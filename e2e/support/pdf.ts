import { inflateSync } from "node:zlib";
import jsQR from "jsqr";
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFPage } from "pdf-lib";

/** Every page's text, pages joined by "\n\f\n"; a line break wherever pdf.js sees one, so text split across lines reads with a newline. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // A copy: pdf.js takes ownership of the buffer it is given.
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : " ") : "")).join("");
      pages.push(
        text
          .replace(/[ \t]+\n/g, "\n")
          .replace(/[ \t]{2,}/g, " ")
          .trim(),
      );
    }
    return pages.join("\n\f\n");
  } finally {
    await document.destroy();
  }
}

export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes)).getPageCount();
}

/**
 * The text of every QR code drawn in the PDF: pages in order, and within a page in the order of its
 * /XObject resources (pdf-lib adds an image there when it first draws it). Soft masks are not drawn
 * directly, so they never appear; images that hold no QR code are skipped.
 */
export async function qrCodesInPdf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const found: string[] = [];
  for (const page of pdf.getPages()) {
    for (const image of pageImages(page)) {
      const pixels = rgbaPixels(image);
      const qr = pixels && jsQR(pixels.data, pixels.width, pixels.height);
      if (qr) found.push(qr.data);
    }
  }
  return found;
}

function pageImages(page: PDFPage): PDFRawStream[] {
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
  if (!xObjects) return [];
  return xObjects
    .values()
    .map((value) => page.doc.context.lookup(value))
    .filter((object): object is PDFRawStream => object instanceof PDFRawStream && object.dict.get(PDFName.of("Subtype")) === PDFName.of("Image"));
}

/**
 * pdf-lib writes a PNG as 8-bit DeviceRGB, Flate-compressed, with any alpha in a separate /SMask
 * (DeviceGray); QR codes from `qrcode` are opaque. Other encodings are not needed here and give null.
 */
function rgbaPixels(image: PDFRawStream): { data: Uint8ClampedArray; width: number; height: number } | null {
  const dict = image.dict;
  const number = (key: string) => dict.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber();
  const width = number("Width");
  const height = number("Height");
  const colorSpace = dict.get(PDFName.of("ColorSpace"));
  const channels = colorSpace === PDFName.of("DeviceRGB") ? 3 : colorSpace === PDFName.of("DeviceGray") ? 1 : 0;
  if (!width || !height || number("BitsPerComponent") !== 8 || channels === 0) return null;

  const filter = dict.get(PDFName.of("Filter"));
  if (filter !== undefined && filter !== PDFName.of("FlateDecode")) return null;
  const raw = filter === undefined ? image.getContents() : inflateSync(image.getContents());
  if (raw.length < width * height * channels) return null;

  const data = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) {
    for (let channel = 0; channel < 3; channel++) data[pixel * 4 + channel] = raw[pixel * channels + (channels === 3 ? channel : 0)]!;
    data[pixel * 4 + 3] = 255;
  }
  return { data, width, height };
}
