/** Lighthouse (Node API) on the production server, with Debian's Chromium. */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

export type LighthouseResult = {
  page: string;
  url: string;
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  /** The audits that cost points, for the write-up. */
  failing: { category: string; id: string; title: string }[];
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
};

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100, bestPractices: 95, seo: 100 } as const;

const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function runLighthouse(origin: string, pages: { page: string; path: string }[]): Promise<LighthouseResult[]> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "csm-lighthouse-"));
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS, userDataDir });
  try {
    const results: LighthouseResult[] = [];
    for (const { page, path: pagePath } of pages) {
      const url = `${origin}${pagePath}`;
      const run = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = run.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const failing = Object.entries(categories).flatMap(([category, { auditRefs }]) =>
        auditRefs.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => ({ category, id: ref.id, title: audits[ref.id]!.title })),
      );
      const metric = (id: string) => Math.round((audits[id]?.numericValue ?? 0) * 1000) / 1000;
      results.push({
        page,
        url: pagePath,
        scores: { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), seo: score("seo") },
        failing,
        metrics: {
          fcpMs: Math.round(metric("first-contentful-paint")),
          lcpMs: Math.round(metric("largest-contentful-paint")),
          tbtMs: Math.round(metric("total-blocking-time")),
          cls: metric("cumulative-layout-shift"),
        },
      });
    }
    return results;
  } finally {
    chrome.kill();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
