/**
 * `npm run bench:lighthouse`: Lighthouse alone, on the production build (run `next build` first)
 * served on the bench's PostgreSQL database (fill it with `npm run bench:data`), or on a server
 * already running at LIGHTHOUSE_ORIGIN. `npm run bench` runs the same audits and records them.
 */
import { DEFAULT_POSTGRES_URL } from "./bench/database";
import { LIGHTHOUSE_TARGETS, runLighthouse } from "./bench/lighthouse";
import { startServer } from "./bench/server";

const pages = [
  { page: "home", path: "/es" },
  { page: "register", path: "/es/register" },
  { page: "organization page", path: process.env.LIGHTHOUSE_ORGANIZATION ?? "/es/register/bench-1" },
];

const server = process.env.LIGHTHOUSE_ORIGIN
  ? null
  : await startServer({ kind: "postgres", url: process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL }, Number(process.env.BENCH_PORT ?? 3240));
const origin = process.env.LIGHTHOUSE_ORIGIN ?? server!.origin;
try {
  for (const page of pages) await fetch(`${origin}${page.path}`).then((response) => response.arrayBuffer());
  const results = await runLighthouse(origin, pages);
  for (const result of results) {
    console.log(`${result.page} ${result.url}: ${JSON.stringify(result.scores)} (targets ${JSON.stringify(LIGHTHOUSE_TARGETS)})`);
    for (const failing of result.failing) console.log(`  ${failing.category}: ${failing.id} – ${failing.title}`);
  }
} finally {
  await server?.stop();
}
