/**
 * A page view in Chromium, as a first-time visitor makes it (nothing in the browser's cache): every
 * request the page leads to, prefetches included, and the server's CPU time for all of them. The
 * load rows see one document; a browser also fetches assets, the header's session and whatever the
 * page's links prefetch.
 */
import { readFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "../../e2e/support/chromium";
import { SESSION_COOKIE } from "./actions";
import { processTree } from "./server";

export type PageView = { id: string; label: string; path: string; session?: string };

export type PageViewResult = {
  id: string;
  label: string;
  /** Of the last view: every request, then those the client router made ahead of a navigation. */
  requests: number;
  prefetches: number;
  /** Median over the measured views (the first, which warms the server, is left out). */
  serverCpuMs: number;
  views: number;
};

const VIEWS = 3;

/** User and system CPU time of a process and its descendants, in ms (Linux /proc, 100 ticks a second). */
function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const id of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${id}/stat`, "utf8");
      // The fields after the command name, which may hold spaces: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended
    }
  }
  return ticks * 10;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measurePageViews(origin: string, pid: number, pages: PageView[]): Promise<PageViewResult[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const results: PageViewResult[] = [];
    for (const page of pages) {
      const cpu: number[] = [];
      let requests = 0;
      let prefetches = 0;
      for (let view = 0; view <= VIEWS; view++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        if (page.session) await context.addCookies([{ name: SESSION_COOKIE, value: page.session, url: origin }]);
        const tab = await context.newPage();
        requests = 0;
        prefetches = 0;
        tab.on("request", (request) => {
          requests++;
          if (request.headers()["next-router-prefetch"]) prefetches++;
        });
        const before = treeCpuMs(pid);
        await tab.goto(`${origin}${page.path}`, { waitUntil: "networkidle" });
        // Prefetches start once the page is idle; give them time to be asked for and answered.
        await tab.waitForTimeout(2_000);
        await tab.waitForLoadState("networkidle");
        if (view > 0) cpu.push(treeCpuMs(pid) - before);
        await context.close();
      }
      results.push({ id: page.id, label: page.label, requests, prefetches, serverCpuMs: median(cpu), views: VIEWS });
    }
    return results;
  } finally {
    await browser.close();
  }
}
