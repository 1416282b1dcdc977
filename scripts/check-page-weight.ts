/**
 * Fails when a public page's first-load JavaScript (gzip) exceeds its budget in
 * page-weight-budgets.json. Runs after `next build` in `npm test`.
 *
 *   npm run check:page-weight                      # check
 *   npm run check:page-weight -- --set-budgets     # budgets := measured + HEADROOM (after a deliberate change)
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Budgets, budgetFrom, checkBudgets, firstLoadFiles, gzipSize, type PageWeight, parseClientReferenceManifest } from "./page-weight/weigh";

const BUDGETS_FILE = "page-weight-budgets.json";
/** The issue allows at most 30 kB over the measured baseline. */
const HEADROOM = 20 * 1024;
const PUBLIC_PAGES: Record<string, string> = {
  home: "/[locale]/(public)/page",
  register: "/[locale]/(public)/register/page",
  organization: "/[locale]/(public)/register/[slug]/page",
  "how-to-take-part": "/[locale]/(public)/how-to-take-part/page",
  "sign-in": "/[locale]/(public)/sign-in/page",
};

const next = path.join(process.cwd(), ".next");
const { rootMainFiles } = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };

function weigh(page: string, route: string): PageWeight {
  const manifestPath = path.join(next, "server", "app", `${route}_client-reference-manifest.js`);
  const { entryJSFiles } = parseClientReferenceManifest(readFileSync(manifestPath, "utf8"), route);
  const files = firstLoadFiles(rootMainFiles, entryJSFiles);
  const gzipBytes = files.reduce((sum, file) => sum + gzipSize(readFileSync(path.join(next, file))), 0);
  return { page, route, files, gzipBytes };
}

const weights = Object.entries(PUBLIC_PAGES).map(([page, route]) => weigh(page, route));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

if (process.argv.includes("--set-budgets")) {
  const budgets: Budgets = Object.fromEntries(weights.map((w) => [w.page, { route: w.route, maxGzipBytes: budgetFrom(w.gzipBytes, HEADROOM) }]));
  writeFileSync(BUDGETS_FILE, `${JSON.stringify(budgets, null, 2)}\n`);
  console.log(`page weight: budgets set to the measured weight + ${kb(HEADROOM)} in ${BUDGETS_FILE}`);
}

const budgets = JSON.parse(readFileSync(BUDGETS_FILE, "utf8")) as Budgets;
for (const weight of weights) {
  const budget = budgets[weight.page];
  console.log(
    `page weight: ${weight.page}: ${kb(weight.gzipBytes)} gzip first-load JS in ${weight.files.length} files (budget ${budget ? kb(budget.maxGzipBytes) : "none"})`,
  );
}
const violations = checkBudgets(weights, budgets);
for (const violation of violations) {
  console.error(`page weight: ${violation.page} loads ${kb(violation.gzipBytes)} of JavaScript, over its budget of ${kb(violation.maxGzipBytes)}`);
}
if (violations.length) process.exit(1);
