import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkBudgets, firstLoadFiles, gzipSize, parseClientReferenceManifest, type PageWeight } from "@/scripts/page-weight/weigh";

const route = "/[locale]/(public)/register/page";
const manifestSource = `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};
globalThis.__RSC_MANIFEST[${JSON.stringify(route)}] = {"moduleLoading":{},"entryCSSFiles":{"[project]/app/[locale]/layout":[{"path":"static/chunks/a.css"}]},
"entryJSFiles":{"[project]/app/[locale]/layout":["static/chunks/layout.js","static/chunks/shared.js"],"[project]/app/[locale]/(public)/register/page":["static/chunks/shared.js","static/chunks/register.js"]}};`;

const weight = (page: string, gzipBytes: number): PageWeight => ({ page, route, files: [], gzipBytes });

describe("page weight", () => {
  it("reads the route's client chunks from its client reference manifest", () => {
    expect(parseClientReferenceManifest(manifestSource, route).entryJSFiles["[project]/app/[locale]/layout"]).toEqual([
      "static/chunks/layout.js",
      "static/chunks/shared.js",
    ]);
    expect(() => parseClientReferenceManifest(manifestSource, "/[locale]/(public)/page")).toThrow(/no entryJSFiles/);
  });

  it("counts each first-load chunk once: the root main files, then the layouts' and the page's", () => {
    const { entryJSFiles } = parseClientReferenceManifest(manifestSource, route);
    expect(firstLoadFiles(["static/chunks/main.js", "static/chunks/shared.js"], entryJSFiles)).toEqual([
      "static/chunks/main.js",
      "static/chunks/shared.js",
      "static/chunks/layout.js",
      "static/chunks/register.js",
    ]);
  });

  it("measures gzip bytes", () => {
    const text = "function register(){return 1}".repeat(100);
    const size = gzipSize(text);
    expect(size).toBeLessThan(text.length / 10);
    expect(size).toBe(gzipSync(text, { level: 9 }).length);
  });

  it("fails a page over its budget and passes one at or under it", () => {
    const weights = [weight("home", 90_000), weight("register", 100_000)];
    expect(checkBudgets(weights, { home: { route, maxGzipBytes: 90_000 }, register: { route, maxGzipBytes: 1 } })).toEqual([
      { page: "register", gzipBytes: 100_000, maxGzipBytes: 1 },
    ]);
    expect(checkBudgets(weights, { home: { route, maxGzipBytes: 120_000 } })).toEqual([]);
  });

  it("refuses a budget for a page it did not measure", () => {
    expect(() => checkBudgets([weight("home", 1)], { register: { route, maxGzipBytes: 1 } })).toThrow(/no measured weight for register/);
  });
});
