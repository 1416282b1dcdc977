import { describe, expect, it } from "vitest";
import { pdfPageCount, pdfText, qrCodesInPdf } from "@/e2e/support/pdf";
import { LOCALES, type Locale } from "@/lib/domain";
import { catalogs } from "@/lib/i18n/messages";
import { renderBadges, type BadgeContent } from "@/lib/server/credentials/badges-pdf";
import { renderInvitationLetter, type LetterContent } from "@/lib/server/credentials/invitation-letter-pdf";

const NAME = "María José Ñúñez-São Łukasiewicz";
const ORGANIZATION = "Asociación Pro Inmigrantes — Coração Aberto";
const MEETING = { number: "XXIII", city: "Bogotá", hostCountry: "CO", startsOn: "2026-11-18", endsOn: "2026-11-20" };

/** Line breaks from wrapping become spaces, so a phrase reads whole wherever the line broke. */
const flat = (text: string) => text.replace(/\s+/g, " ");
const pdfCatalog = (locale: Locale) => catalogs[locale].CredentialPdf;

function letter(locale: Locale): LetterContent {
  return {
    locale,
    code: "7KQ2-M9XD-P4TA",
    verifyUrl: `https://acreditacion.csm.example/${locale}/verify/7KQ2-M9XD-P4TA`,
    issuedOn: new Date("2026-09-01T15:00:00Z"),
    delegate: { name: NAME, nationality: "Paraguaya", roleInOrganization: "Coordinadora de incidencia" },
    organization: { name: ORGANIZATION, country: "PY" },
    meeting: MEETING,
  };
}

function badge(index: number): BadgeContent {
  return {
    name: index === 0 ? NAME : `Delegate ${index}`,
    organization: ORGANIZATION,
    country: index % 3 === 0 ? null : "AR",
    category: index % 2 === 0 ? "participant" : "observer",
    token: `badge-token-${index}-${"x".repeat(30)}`,
    code: `CODE-${index}`,
  };
}

describe("invitation letter", () => {
  it("names the delegate, organization, meeting and code, in the letter's own language", async () => {
    const texts = new Map<Locale, string>();
    for (const locale of LOCALES) {
      const text = flat(await pdfText(await renderInvitationLetter(letter(locale))));
      texts.set(locale, text);
      expect(text).toContain(NAME);
      expect(text).toContain(ORGANIZATION);
      expect(text).toContain("XXIII");
      expect(text).toContain("7KQ2-M9XD-P4TA");
      expect(text).toContain(`https://acreditacion.csm.example/${locale}/verify/7KQ2-M9XD-P4TA`);
      expect(text).toContain(pdfCatalog(locale).Letter.costs);
      expect(text).toContain(pdfCatalog(locale).Letter.signature);
    }
    expect(new Set(texts.values()).size).toBe(LOCALES.length);
    expect(texts.get("es")).toContain("Paraguay");
    expect(texts.get("pt")).toContain("Colômbia");
    expect(texts.get("en")).toContain("November 18, 2026");
  });

  it("still reads as a sentence without a city, dates or a role, for a regional organization", async () => {
    const content = letter("en");
    const text = flat(
      await pdfText(
        await renderInvitationLetter({
          ...content,
          delegate: { ...content.delegate, roleInOrganization: null, nationality: null },
          organization: { ...content.organization, country: null },
          meeting: { ...MEETING, city: null, startsOn: null, endsOn: null },
        }),
      ),
    );
    expect(text).toContain(`${NAME} (representative of ${ORGANIZATION}, a regional organization)`);
    expect(text).toContain("will be held in Colombia on dates to be announced");
    expect(text).not.toContain("Nationality");
  });
});

describe("badges", () => {
  const nine = Array.from({ length: 9 }, (_, index) => badge(index));

  it("fit eight to an A4 sheet, or one to a page, with every token in a QR code", async () => {
    const sheet = await renderBadges(MEETING, nine, "sheet", "es");
    const single = await renderBadges(MEETING, nine, "single", "es");
    expect(await pdfPageCount(sheet)).toBe(2);
    expect(await pdfPageCount(single)).toBe(9);
    const tokens = nine.map((item) => item.token);
    expect(await qrCodesInPdf(sheet)).toEqual(tokens);
    expect(await qrCodesInPdf(single)).toEqual(tokens);
  });

  it("print the name, the meeting, the country and the translated category", async () => {
    for (const locale of LOCALES) {
      const pages = (await pdfText(await renderBadges(MEETING, nine.slice(0, 2), "single", locale))).split("\n\f\n").map(flat);
      const labels = pdfCatalog(locale).Badge;
      expect(pages[0]).toContain(NAME);
      expect(pages[0]).toContain("XXIII CSM · Bogotá, 2026");
      expect(pages[0]).toContain(catalogs[locale].Country.regional);
      expect(pages[0]).toContain(labels.participant);
      expect(pages[0]).toContain("CODE-0");
      expect(pages[1]).toContain(labels.observer);
      expect(pages[1]).toContain(catalogs[locale].Country.AR);
    }
  });

  it("say there are no confirmed delegates when there are none", async () => {
    for (const layout of ["sheet", "single"] as const) {
      const bytes = await renderBadges(MEETING, [], layout, "pt");
      expect(await pdfPageCount(bytes)).toBe(1);
      expect(flat(await pdfText(bytes))).toContain("Não há pessoas delegadas confirmadas para a XXIII CSM.");
      expect(await qrCodesInPdf(bytes)).toEqual([]);
    }
  });
});
