/**
 * First-load JavaScript of a page from Next's build output: the chunks every page loads
 * (`rootMainFiles` of .next/build-manifest.json) plus the client chunks of the route's layouts
 * and page (`entryJSFiles` of its client reference manifest), each counted once, gzipped.
 */
import { gzipSync } from "node:zlib";

export type PageWeight = { page: string; route: string; files: string[]; gzipBytes: number };
export type Budgets = Record<string, { route: string; maxGzipBytes: number }>;
export type Violation = { page: string; gzipBytes: number; maxGzipBytes: number };

/** The manifest file is a script: `globalThis.__RSC_MANIFEST["<route>"] = {...}`. */
export function parseClientReferenceManifest(source: string, route: string): { entryJSFiles: Record<string, string[]> } {
  const scope: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  new Function("globalThis", source)(scope);
  const manifest = scope.__RSC_MANIFEST?.[route];
  if (!manifest?.entryJSFiles) throw new Error(`no entryJSFiles for ${route} in its client reference manifest`);
  return { entryJSFiles: manifest.entryJSFiles };
}

export function firstLoadFiles(rootMainFiles: string[], entryJSFiles: Record<string, string[]>): string[] {
  return [...new Set([...rootMainFiles, ...Object.values(entryJSFiles).flat()])].filter((file) => file.endsWith(".js"));
}

export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

export function checkBudgets(weights: PageWeight[], budgets: Budgets): Violation[] {
  const violations: Violation[] = [];
  for (const [page, budget] of Object.entries(budgets)) {
    const weight = weights.find((w) => w.page === page);
    if (!weight) throw new Error(`no measured weight for ${page}`);
    if (weight.gzipBytes > budget.maxGzipBytes) violations.push({ page, gzipBytes: weight.gzipBytes, maxGzipBytes: budget.maxGzipBytes });
  }
  return violations;
}

/** A budget from a measured baseline: the baseline plus `headroom` bytes (at most 30 kB by the issue). */
export function budgetFrom(baselineGzipBytes: number, headroom: number): number {
  return baselineGzipBytes + headroom;
}
