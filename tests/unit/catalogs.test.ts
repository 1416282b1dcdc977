import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { en, es, pt } from "@/lib/i18n/catalog-files";

type Catalog = { [key: string]: string | Catalog };
const catalogs: Record<string, Catalog> = { es, pt, en };
const locales = Object.keys(catalogs);

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

/** Argument names of ICU placeholders: `{name}`, `{count, plural, ...}`. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((match) => match[1]!))].sort();
}

const flat = Object.fromEntries(locales.map((locale) => [locale, flatten(catalogs[locale]!)]));
const allKeys = [...new Set(locales.flatMap((locale) => [...flat[locale]!.keys()]))].sort();

describe("message catalogs", () => {
  it("have the same keys in every locale", () => {
    const missing = Object.fromEntries(locales.map((locale) => [locale, allKeys.filter((key) => !flat[locale]!.has(key))]));
    expect(missing).toEqual(Object.fromEntries(locales.map((locale) => [locale, []])));
  });

  it("have no empty messages", () => {
    const empty = locales.flatMap((locale) => [...flat[locale]!].filter(([, text]) => text.trim() === "").map(([key]) => `${locale}:${key}`));
    expect(empty).toEqual([]);
  });

  it("use the same placeholders for a key in every locale", () => {
    const mismatches: string[] = [];
    for (const key of allKeys) {
      const byLocale = locales.map((locale) => placeholders(flat[locale]!.get(key) ?? ""));
      if (new Set(byLocale.map((names) => names.join(","))).size > 1) {
        mismatches.push(`${key}: ${locales.map((locale, i) => `${locale}={${byLocale[i]!.join(",")}}`).join(" ")}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("are non-trivial", () => {
    expect(allKeys.length).toBeGreaterThan(50);
    expect(placeholders("Signed in as {email} ({role}); {count, plural, one {# item} other {# items}}")).toEqual(["count", "email", "role"]);
  });

  it("define each namespace in exactly one area, and every area is loaded", () => {
    const root = path.join(process.cwd(), "lib", "i18n", "messages");
    for (const locale of locales) {
      const owners = new Map<string, string[]>();
      for (const area of readdirSync(root)) {
        const file = JSON.parse(readFileSync(path.join(root, area, `${locale}.json`), "utf8")) as Catalog;
        for (const namespace of Object.keys(file)) owners.set(namespace, [...(owners.get(namespace) ?? []), area]);
      }
      expect([...owners].filter(([, areas]) => areas.length > 1)).toEqual([]);
      expect(Object.keys(catalogs[locale]!).sort()).toEqual([...owners.keys()].sort());
    }
  });
});
