import "server-only";
import { PDFDocument, PageSizes, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import type { AccreditationCategory, Locale } from "@/lib/domain";
import { translator } from "@/lib/i18n/messages";
import { embedFonts, type PdfFonts } from "./pdf-fonts";
import { countryName, fitText, MM, wrapText } from "./pdf-text";

export type BadgeContent = { name: string; organization: string; country: string | null; category: AccreditationCategory; token: string; code: string };
export type BadgeLayout = "sheet" | "single";
type BadgeMeeting = { number: string; city: string | null; hostCountry: string; startsOn: string | null; endsOn: string | null };

const [A4_WIDTH, A4_HEIGHT] = PageSizes.A4;
const COLUMNS = 2;
const ROWS = 4;
// A7 landscape (105 × 74 mm): exactly one cell of the A4 sheet, so both layouts print the same badge,
// and it slides into the standard A7 badge holders sold for conferences.
const BADGE_WIDTH = A4_WIDTH / COLUMNS;
const BADGE_HEIGHT = A4_HEIGHT / ROWS;
const PADDING = 5 * MM;
const QR_SIZE = 34 * MM;
const BAND_HEIGHT = 11 * MM;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const WHITE = rgb(1, 1, 1);
const CUT_LINE = rgb(0.7, 0.7, 0.7);

type BadgeInk = { fonts: PdfFonts; meetingLine: string; categoryLabel: Record<AccreditationCategory, string>; countryOf: (code: string | null) => string };

/** Delegates' badges: eight to an A4 sheet with cut lines, or one per badge-sized page. */
export async function renderBadges(meeting: BadgeMeeting, badges: BadgeContent[], layout: BadgeLayout, locale: Locale): Promise<Uint8Array> {
  const t = translator(locale, "CredentialPdf");
  const pdf = await PDFDocument.create();
  pdf.setTitle(t("Badge.documentTitle", { number: meeting.number }), { showInWindowTitleBar: true });
  pdf.setAuthor(t("Letter.issuer"));
  pdf.setCreator(t("Letter.issuer"));
  pdf.setLanguage(locale);
  const fonts = await embedFonts(pdf);
  const pageSize: [number, number] = layout === "sheet" ? [A4_WIDTH, A4_HEIGHT] : [BADGE_WIDTH, BADGE_HEIGHT];

  if (badges.length === 0) {
    drawNotice(pdf.addPage(pageSize), t("Badge.noDelegates", { number: meeting.number }), fonts.regular);
    return pdf.save();
  }

  const ink: BadgeInk = {
    fonts,
    meetingLine: meetingLine(meeting, locale),
    categoryLabel: { participant: t("Badge.participant"), observer: t("Badge.observer") },
    countryOf: (code) => countryName(locale, code),
  };
  const qrImages = await Promise.all(badges.map((badge) => qrImage(pdf, badge.token)));
  const perPage = layout === "sheet" ? COLUMNS * ROWS : 1;
  for (let first = 0; first < badges.length; first += perPage) {
    const page = pdf.addPage(pageSize);
    if (layout === "sheet") drawCutLines(page);
    badges.slice(first, first + perPage).forEach((badge, index) => {
      const column = index % COLUMNS;
      const row = Math.floor(index / COLUMNS);
      const origin = layout === "sheet" ? { x: column * BADGE_WIDTH, y: A4_HEIGHT - (row + 1) * BADGE_HEIGHT } : { x: 0, y: 0 };
      drawBadge(page, origin, badge, qrImages[first + index]!, ink);
    });
  }
  return pdf.save();
}

function meetingLine(meeting: BadgeMeeting, locale: Locale): string {
  const t = translator(locale, "CredentialPdf");
  const place = meeting.city ?? countryName(locale, meeting.hostCountry);
  const year = (meeting.startsOn ?? meeting.endsOn)?.slice(0, 4);
  return year ? t("Badge.meetingLine", { number: meeting.number, place, year }) : t("Badge.meetingLineNoYear", { number: meeting.number, place });
}

async function qrImage(pdf: PDFDocument, token: string): Promise<PDFImage> {
  const png = await QRCode.toBuffer(token, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 8 });
  return pdf.embedPng(png);
}

function drawBadge(page: PDFPage, origin: { x: number; y: number }, badge: BadgeContent, qr: PDFImage, ink: BadgeInk) {
  const { regular, bold } = ink.fonts;
  const left = origin.x + PADDING;
  const top = origin.y + BADGE_HEIGHT - PADDING;
  const innerWidth = BADGE_WIDTH - 2 * PADDING;

  const heading = fitText(ink.meetingLine, regular, { maxSize: 8, minSize: 6, maxWidth: innerWidth, maxLines: 1 });
  page.drawText(heading.lines[0]!, { x: left, y: top - heading.size, font: regular, size: heading.size, color: MUTED });

  const qrLeft = origin.x + BADGE_WIDTH - PADDING - QR_SIZE;
  const qrBottom = top - 5 * MM - QR_SIZE;
  page.drawImage(qr, { x: qrLeft, y: qrBottom, width: QR_SIZE, height: QR_SIZE });
  const codeSize = 7;
  const codeWidth = regular.widthOfTextAtSize(badge.code, codeSize);
  page.drawText(badge.code, { x: qrLeft + (QR_SIZE - codeWidth) / 2, y: qrBottom - codeSize - 1, font: regular, size: codeSize, color: INK });

  const columnWidth = qrLeft - 4 * MM - left;
  let y = top - 6 * MM;
  y = drawLines(page, fitText(badge.name, bold, { maxSize: 18, minSize: 9, maxWidth: columnWidth, maxLines: 2 }), { x: left, y, font: bold, color: INK });
  y = drawLines(page, fitText(badge.organization, regular, { maxSize: 10, minSize: 7, maxWidth: columnWidth, maxLines: 3 }), {
    x: left,
    y: y - 3 * MM,
    font: regular,
    color: INK,
  });
  drawLines(page, fitText(ink.countryOf(badge.country), regular, { maxSize: 9, minSize: 7, maxWidth: columnWidth, maxLines: 1 }), {
    x: left,
    y: y - 2 * MM,
    font: regular,
    color: MUTED,
  });

  drawCategoryBand(page, { x: left, y: origin.y + PADDING, width: innerWidth }, badge.category, ink);
}

/** Draws lines top-down from `y` and returns the y below the last one. */
function drawLines(page: PDFPage, text: { size: number; lines: string[] }, at: { x: number; y: number; font: PDFFont; color: ReturnType<typeof rgb> }) {
  let y = at.y;
  for (const line of text.lines) {
    y -= text.size;
    page.drawText(line, { x: at.x, y, font: at.font, size: text.size, color: at.color });
    y -= text.size * 0.2;
  }
  return y;
}

/** Participants: a solid dark band; observers: an outlined white band. Told apart in greyscale too, not by colour alone. */
function drawCategoryBand(page: PDFPage, at: { x: number; y: number; width: number }, category: AccreditationCategory, ink: BadgeInk) {
  const solid = category === "participant";
  const border = 2.5;
  page.drawRectangle({
    x: at.x + (solid ? 0 : border / 2),
    y: at.y + (solid ? 0 : border / 2),
    width: at.width - (solid ? 0 : border),
    height: BAND_HEIGHT - (solid ? 0 : border),
    color: solid ? INK : WHITE,
    borderColor: solid ? undefined : INK,
    borderWidth: solid ? 0 : border,
  });
  const label = fitText(ink.categoryLabel[category], ink.fonts.bold, { maxSize: 14, minSize: 8, maxWidth: at.width - 6 * MM, maxLines: 1 });
  const line = label.lines[0]!;
  const width = ink.fonts.bold.widthOfTextAtSize(line, label.size);
  // Cap height of DejaVu Sans is about 0.73 em: this centres the capitals in the band.
  const baseline = at.y + (BAND_HEIGHT - label.size * 0.73) / 2;
  page.drawText(line, { x: at.x + (at.width - width) / 2, y: baseline, font: ink.fonts.bold, size: label.size, color: solid ? WHITE : INK });
}

function drawCutLines(page: PDFPage) {
  const line = { thickness: 0.3, color: CUT_LINE, dashArray: [3, 3] };
  for (let column = 1; column < COLUMNS; column++) {
    page.drawLine({ start: { x: column * BADGE_WIDTH, y: 0 }, end: { x: column * BADGE_WIDTH, y: A4_HEIGHT }, ...line });
  }
  for (let row = 1; row < ROWS; row++) {
    page.drawLine({ start: { x: 0, y: row * BADGE_HEIGHT }, end: { x: A4_WIDTH, y: row * BADGE_HEIGHT }, ...line });
  }
}

function drawNotice(page: PDFPage, text: string, font: PDFFont) {
  const size = 12;
  const margin = Math.min(20 * MM, page.getWidth() / 10);
  const lines = wrapText(text, font, size, page.getWidth() - 2 * margin);
  lines.forEach((line, index) => {
    page.drawText(line, { x: margin, y: page.getHeight() / 2 - index * size * 1.4, font, size, color: INK });
  });
}
