import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_CLIENT_NAMESPACES, SIGNED_IN_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";

const root = path.resolve(__dirname, "../..");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** Client components and the top-level namespaces they translate with. */
const clientComponents = ["app", "components", "lib"]
  .flatMap((directory) => sourceFiles(path.join(root, directory)))
  .map((file) => ({ file: path.relative(root, file), source: readFileSync(file, "utf8") }))
  .filter(({ source }) => /^["']use client["']/m.test(source))
  .map(({ file, source }) => ({
    file,
    namespaces: [...source.matchAll(/useTranslations\(\s*"([^".]+)/g)].map((match) => match[1]!),
    translatesWithoutNamespace: /useTranslations\(\s*\)/.test(source),
  }));

/** Client components that pages outside the applicant and secretariat areas render. */
const PUBLIC_FILES = [/^app\/\[locale\]\/error\.tsx$/, /^app\/\[locale\]\/\(public\)\//, /^components\/layout\//];

describe("messages sent to the browser", () => {
  it("finds the client components that translate", () => {
    expect(clientComponents.filter(({ namespaces }) => namespaces.length > 0).length).toBeGreaterThan(5);
  });

  it("include every namespace a client component of the signed-in areas translates with", () => {
    const missing = clientComponents.flatMap(({ file, namespaces }) =>
      namespaces.filter((namespace) => !(SIGNED_IN_CLIENT_NAMESPACES as readonly string[]).includes(namespace)).map((namespace) => `${file}: ${namespace}`),
    );
    expect(missing).toEqual([]);
  });

  it("include every namespace a public client component translates with", () => {
    const missing = clientComponents
      .filter(({ file }) => PUBLIC_FILES.some((pattern) => pattern.test(file)))
      .flatMap(({ file, namespaces }) =>
        namespaces.filter((namespace) => !(PUBLIC_CLIENT_NAMESPACES as readonly string[]).includes(namespace)).map((namespace) => `${file}: ${namespace}`),
      );
    expect(missing).toEqual([]);
  });

  it("are never the whole catalog: every client translator names its namespace", () => {
    expect(clientComponents.filter(({ translatesWithoutNamespace }) => translatesWithoutNamespace).map(({ file }) => file)).toEqual([]);
  });
});
