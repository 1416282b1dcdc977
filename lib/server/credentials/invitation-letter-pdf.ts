import "server-only";
import { PDFDocument, PageSizes, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { Locale } from "@/lib/domain";
import { translator } from "@/lib/i18n/messages";
import { PORTAL_TIME_ZONE } from "@/lib/meeting-schema";
import { embedFonts } from "./pdf-fonts";
import { countryName, formatDay, MM, wrapText } from "./pdf-text";

export type LetterContent = {
  locale: Locale;
  code: string;
  verifyUrl: string;
  issuedOn: Date;
  delegate: { name: string; nationality: string | null; roleInOrganization: string | null };
  organization: { name: string; country: string | null };
  meeting: { number: string; city: string | null; hostCountry: string; startsOn: string | null; endsOn: string | null };
};

type Translate = ReturnType<typeof translator<"CredentialPdf">>;

const MARGIN = 25 * MM;
const BODY_SIZE = 11;
const LEADING = 1.45;
const INK = rgb(0.1, 0.1, 0.12);
const RULE = rgb(0.55, 0.55, 0.6);

/** A one-page A4 letter (more pages only if the names are very long) that a consulate can verify with its code. */
export async function renderInvitationLetter(content: LetterContent): Promise<Uint8Array> {
  const t = translator(content.locale, "CredentialPdf");
  const pdf = await PDFDocument.create();
  const fonts = await embedFonts(pdf);
  setMetadata(pdf, content, t);

  const writer = new LetterWriter(pdf, fonts.regular);
  writer.paragraph(t("Letter.issuer"), { font: fonts.bold, size: 12, after: 4 });
  writer.rule();
  writer.paragraph(t("Letter.dateLine", { date: formatIssuedOn(content) }), { align: "right", after: 18 });
  writer.paragraph(t("Letter.title"), { font: fonts.bold, size: 16, after: 14 });
  writer.paragraph(t("Letter.salutation"));
  writer.paragraph(invitationSentences(content, t));
  writer.paragraph(venueSentence(content, t));
  writer.paragraph(`${t("Letter.purpose")} ${t("Letter.costs")}`, { after: 18 });
  writer.paragraph(t("Letter.closing"), { after: 36 });
  writer.rule(60 * MM);
  writer.paragraph(t("Letter.signature"), { font: fonts.bold, after: 28 });
  writer.box(() => {
    writer.paragraph(t("Letter.verifyHeading"), { font: fonts.bold, size: 10, after: 2 });
    writer.paragraph(t("Letter.verifyCode", { code: content.code }), { size: 10, after: 2 });
    writer.paragraph(t("Letter.verifyAt"), { size: 10, after: 2 });
    writer.paragraph(content.verifyUrl, { size: 10, after: 0 });
  });
  return pdf.save();
}

function setMetadata(pdf: PDFDocument, content: LetterContent, t: Translate) {
  pdf.setTitle(t("Letter.documentTitle", { number: content.meeting.number, name: content.delegate.name }), { showInWindowTitleBar: true });
  pdf.setSubject(t("Letter.title"));
  pdf.setAuthor(t("Letter.issuer"));
  pdf.setCreator(t("Letter.issuer"));
  pdf.setLanguage(content.locale);
  pdf.setCreationDate(content.issuedOn);
  pdf.setModificationDate(content.issuedOn);
}

function formatIssuedOn({ locale, issuedOn }: LetterContent): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: PORTAL_TIME_ZONE }).format(issuedOn);
}

function invitationSentences({ locale, delegate, organization, meeting }: LetterContent, t: Translate): string {
  const role = delegate.roleInOrganization?.trim() || t("Letter.defaultRole");
  const affiliation =
    organization.country === null
      ? t("Letter.affiliationRegional", { role, organization: organization.name })
      : t("Letter.affiliation", { role, organization: organization.name, country: countryName(locale, organization.country) });
  const invitation = t("Letter.invitation", { name: delegate.name, affiliation, number: meeting.number });
  const nationality = delegate.nationality?.trim();
  return nationality ? `${invitation} ${t("Letter.nationality", { nationality })}` : invitation;
}

function venueSentence({ locale, meeting }: LetterContent, t: Translate): string {
  const country = countryName(locale, meeting.hostCountry);
  const when = meetingDates(locale, meeting, t);
  return meeting.city ? t("Letter.venueCity", { city: meeting.city, country, when }) : t("Letter.venueCountry", { country, when });
}

function meetingDates(locale: Locale, { startsOn, endsOn }: LetterContent["meeting"], t: Translate): string {
  const first = startsOn ?? endsOn;
  if (first === null) return t("Letter.whenUnknown");
  if (startsOn === null || endsOn === null || startsOn === endsOn) return t("Letter.whenDay", { date: formatDay(locale, first) });
  return t("Letter.whenRange", { start: formatDay(locale, startsOn), end: formatDay(locale, endsOn) });
}

type ParagraphStyle = { font?: PDFFont; size?: number; after?: number; align?: "left" | "right" };

/** Writes top to bottom within the margins, and starts a new page when the next line would not fit. */
class LetterWriter {
  private page: PDFPage;
  private y: number;
  private inset = 0;
  private readonly width: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly bodyFont: PDFFont,
  ) {
    this.page = pdf.addPage(PageSizes.A4);
    this.y = this.page.getHeight() - MARGIN;
    this.width = this.page.getWidth() - 2 * MARGIN;
  }

  paragraph(text: string, { font = this.bodyFont, size = BODY_SIZE, after = 10, align = "left" }: ParagraphStyle = {}) {
    for (const line of wrapText(text, font, size, this.width - 2 * this.inset)) {
      this.makeRoom(size * LEADING);
      this.y -= size * LEADING;
      const lineWidth = font.widthOfTextAtSize(line, size);
      const x = align === "right" ? MARGIN + this.width - this.inset - lineWidth : MARGIN + this.inset;
      this.page.drawText(line, { x, y: this.y + size * (LEADING - 1), font, size, color: INK });
    }
    this.y -= after;
  }

  rule(length = this.width) {
    this.makeRoom(8);
    this.y -= 4;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + length, y: this.y }, thickness: 0.6, color: RULE });
    this.y -= 4;
  }

  /** Frames what `draw` writes; the frame stays on one page because its contents are a few short lines. */
  box(draw: () => void) {
    const padding = 3 * MM;
    this.makeRoom(36 * MM);
    const top = this.y;
    this.y -= padding;
    this.inset = padding;
    draw();
    this.inset = 0;
    this.y -= padding;
    this.page.drawRectangle({ x: MARGIN, y: this.y, width: this.width, height: top - this.y, borderColor: RULE, borderWidth: 0.8 });
  }

  private makeRoom(height: number) {
    if (this.y - height >= MARGIN) return;
    this.page = this.pdf.addPage(PageSizes.A4);
    this.y = this.page.getHeight() - MARGIN;
  }
}
