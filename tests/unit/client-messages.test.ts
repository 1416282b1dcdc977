import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES_BY_AREA, type ClientArea, PUBLIC_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";

const root = path.resolve(__dirname, "../..");
const app = path.join(root, "app/[locale]");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

type Translator = { file: string; namespaces: string[]; translatesWithoutNamespace: boolean };

/** The client components these files render, following their imports, and the namespaces each translates with. */
function clientTranslators(entries: string[]): Translator[] {
  const seen = new Set<string>();
  const pending = [...entries];
  const found: Translator[] = [];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    if (/^["']use client["']/m.test(source)) {
      found.push({
        file: path.relative(root, file),
        namespaces: [...source.matchAll(/useTranslations\(\s*"([^".]+)/g)].map((match) => match[1]!),
        translatesWithoutNamespace: /useTranslations\(\s*\)/.test(source),
      });
    }
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)) {
      const imported = resolveImport(file, specifier!);
      if (imported) pending.push(imported);
    }
  }
  return found;
}

function missingFrom(translators: Translator[], namespaces: readonly string[]): string[] {
  return translators.flatMap(({ file, namespaces: used }) =>
    used.filter((namespace) => !namespaces.includes(namespace)).map((namespace) => `${file}: ${namespace}`),
  );
}

const areas = Object.keys(CLIENT_NAMESPACES_BY_AREA) as ClientArea[];
const everyClientComponent = clientTranslators(["app", "components", "lib"].flatMap((directory) => sourceFiles(path.join(root, directory))));

describe("messages sent to the browser", () => {
  it("finds the client components that translate, in every area", () => {
    expect(everyClientComponent.filter(({ namespaces }) => namespaces.length > 0).length).toBeGreaterThan(5);
    for (const area of areas) expect(clientTranslators(sourceFiles(path.join(app, `(${area})`))).length, area).toBeGreaterThan(0);
  });

  it.each(areas)("include every namespace a client component of the %s area translates with, and nothing it does not", (area) => {
    const translators = clientTranslators(sourceFiles(path.join(app, `(${area})`)));
    const namespaces = CLIENT_NAMESPACES_BY_AREA[area] as readonly string[];
    expect(missingFrom(translators, namespaces)).toEqual([]);
    const used = new Set(translators.flatMap((translator) => translator.namespaces));
    expect(namespaces.filter((namespace) => !used.has(namespace) && !(PUBLIC_CLIENT_NAMESPACES as readonly string[]).includes(namespace))).toEqual([]);
  });

  it("include every namespace a public client component translates with", () => {
    const publicEntries = [
      path.join(app, "layout.tsx"),
      path.join(app, "error.tsx"),
      path.join(app, "not-found.tsx"),
      path.join(app, "forbidden.tsx"),
      ...sourceFiles(path.join(app, "(public)")),
    ];
    expect(missingFrom(clientTranslators(publicEntries), PUBLIC_CLIENT_NAMESPACES)).toEqual([]);
  });

  it("are never the whole catalog: every client translator names its namespace", () => {
    expect(everyClientComponent.filter(({ translatesWithoutNamespace }) => translatesWithoutNamespace).map(({ file }) => file)).toEqual([]);
  });
});
