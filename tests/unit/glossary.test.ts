import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en, es, pt } from "@/lib/i18n/catalog-files";

type Catalog = { [key: string]: string | Catalog };
type Rule = { concept: string; locale: string; variants: string[]; exceptions: string[] };

const catalogs: Record<string, Catalog> = { es, pt, en };
const GLOSSARY = path.join(process.cwd(), "lib", "i18n", "glossary.md");

function list(cell: string): string[] {
  return cell === "—"
    ? []
    : cell
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
}

/** The rows of the table under "## The glossary": concept | locale | use | don't use | unless within. */
function readGlossary(markdown: string): Rule[] {
  const section = markdown.split(/^## The glossary$/m)[1]?.split(/^## /m)[0] ?? "";
  const rows = section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2);
  return rows.map((row) => {
    const [concept, locale, , variants, exceptions] = row
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    return { concept: concept!, locale: locale!, variants: list(variants!), exceptions: list(exceptions!) };
  });
}

/** A whole-word, case-insensitive pattern: letters and digits of any script count as word characters. */
function wordPattern(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, "giu");
}

/** The variants of the rules that `text` uses, ignoring those inside an allowed phrase. */
function forbiddenIn(text: string, rules: Rule[]): string[] {
  const found = new Set<string>();
  for (const rule of rules) {
    const allowed = rule.exceptions.flatMap((phrase) =>
      [...text.matchAll(wordPattern(phrase))].map((match) => [match.index, match.index + match[0].length] as const),
    );
    for (const variant of rule.variants) {
      for (const match of text.matchAll(wordPattern(variant))) {
        const end = match.index + match[0].length;
        if (!allowed.some(([from, to]) => from <= match.index && end <= to)) found.add(match[0]);
      }
    }
  }
  return [...found];
}

function flatten(catalog: Catalog, prefix = ""): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) => {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [[keyPath, value] as [string, string]] : flatten(value, keyPath);
  });
}

const rules = readGlossary(readFileSync(GLOSSARY, "utf8"));

describe("glossary", () => {
  it("gives every concept a term in es, pt and en", () => {
    const concepts = [...new Set(rules.map((rule) => rule.concept))];
    expect(concepts.length).toBeGreaterThan(15);
    const incomplete = concepts.filter((concept) =>
      ["es", "pt", "en"].some((locale) => rules.filter((rule) => rule.concept === concept && rule.locale === locale).length !== 1),
    );
    expect(incomplete).toEqual([]);
  });

  it("matches whole words in any case, accents included, outside the allowed phrases", () => {
    const rule = (variants: string[], exceptions: string[] = []): Rule[] => [{ concept: "x", locale: "x", variants, exceptions }];
    expect(forbiddenIn("Enviar la Postulación", rule(["postulación"]))).toEqual(["Postulación"]);
    expect(forbiddenIn("POSTULACIÓN", rule(["postulación"]))).toEqual(["POSTULACIÓN"]);
    expect(forbiddenIn("postulaciones", rule(["postulación"]))).toEqual([]);
    expect(forbiddenIn("éstado", rule(["estado"]))).toEqual([]);
    expect(forbiddenIn("Reunión {meeting}", rule(["reunión {meeting}"]))).toEqual(["Reunión {meeting}"]);
    expect(forbiddenIn("Atua em um Estado da CSM; estado atual", rule(["estado"], ["Estado da CSM"]))).toEqual(["estado"]);
    expect(forbiddenIn("um Estado-membro", rule(["estado"], ["Estado-membro"]))).toEqual([]);
  });

  for (const [locale, catalog] of Object.entries(catalogs)) {
    it(`is followed by every ${locale} message, e-mails included`, () => {
      const localeRules = rules.filter((rule) => rule.locale === locale);
      expect(localeRules.length).toBeGreaterThan(15);
      const offending = flatten(catalog).flatMap(([key, text]) => {
        const variants = forbiddenIn(text, localeRules);
        return variants.length ? [`${locale}:${key} → ${variants.map((v) => `«${v}»`).join(", ")} in: ${text}`] : [];
      });
      expect(offending).toEqual([]);
    });
  }
});
