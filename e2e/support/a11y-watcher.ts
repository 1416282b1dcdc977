/**
 * The axe-core check behind the e2e `page` fixture: every page a test visits is checked.
 *
 * How the automatic check works (and why this way)
 * ------------------------------------------------
 * Axe cannot be run "after the fact" on a page the test has already left, and it cannot
 * pause the test either. So the `page` fixture is wrapped:
 *
 *  1. Every main-frame navigation of the test's pages (`framenavigated`: full page loads
 *     AND the App Router's client-side navigations, e.g. after a server action redirects
 *     or a <Link> is followed) queues a check. Checks run one at a time per page, in the
 *     background while the test goes on: each waits for the `load` state and two
 *     animation frames, then runs axe on the page as it is.
 *  2. If the test moves on while a check runs (the document was replaced, or the URL
 *     changed under a client-side navigation), that check counts as interrupted, not as
 *     passed, and its URL is remembered. An axe error on a document that is still there
 *     is a failure.
 *  3. At the end of the test (fixture teardown) the queue is awaited, each open page's
 *     final state is checked, and every interrupted URL not checked since is opened again
 *     in a new page of the same browser context (same cookies) and checked there: once
 *     per worker for each URL and visitor state (signed in or not).
 *  4. States that are not a navigation (a form showing its errors, a message after a
 *     server action) are checked by `await a11y.check("label")` in the test at that
 *     point: it waits for the queue, then checks in step with the test.
 *
 * A state already checked in this worker (same URL, same rendered HTML: e.g. the empty
 * sign-in form that many tests open) reuses its results instead of running axe again; its
 * violations still count for every test that reaches it.
 *
 * The test fails at teardown if any check found a serious or critical violation of
 * WCAG 2.0/2.1 A/AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa), listing them, or if axe
 * failed for another reason than a navigation. The whole record (every check, every
 * violation of any impact) is attached as `a11y-violations.json` when there is any
 * violation; E2E_A11Y_LOG=1 prints the checks of every test.
 *
 * Axe runs in "legacy" mode (axe.run in the page): the app has no iframes, and the default
 * mode opens a helper page in the test's browser context for every check, which would
 * show up among the test's pages and race with them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Result } from "axe-core";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);

type Finding = { url: string; when: string; rule: Result };
type Failure = { url: string; when: string; message: string };

function pageKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

class Interrupted extends Error {}

/**
 * The axe-core that @axe-core/playwright itself depends on (its minified build). The watcher
 * injects it once per document and hands AxeBuilder a no-op `axeSource`: by default
 * AxeBuilder evaluates the whole 1.5 MB library twice per check (in legacy mode), about a
 * second of the page's CPU per check on this 2-core machine.
 */
const requireFromAxePlaywright = createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"));
const AXE_SOURCE = readFileSync(requireFromAxePlaywright.resolve("axe-core/axe.min.js"), "utf8");
const AXE_ALREADY_INJECTED = "void 0;";

type CheckOutcome = "checked" | "same state as an earlier check" | "interrupted" | "failed";

/**
 * Results of the states already checked in this worker, keyed by URL, viewport and a hash
 * of the rendered document (the stylesheets are the build's, the same for every test).
 * A state seen again (the same empty sign-in form in many tests, or a page unchanged since
 * its last check) reuses its results instead of running axe again; its violations still
 * count for every test that reaches it.
 */
const checkedStates = new Map<string, Result[]>();
/** URLs checked in this worker, per visitor/signed-in state: an interrupted one of these is not opened again. */
const checkedUrls = new Set<string>();

async function visitorState(page: Page): Promise<"signed-in" | "visitor"> {
  const cookies = await page.context().cookies();
  return cookies.some((cookie) => cookie.name.endsWith("authjs.session-token")) ? "signed-in" : "visitor";
}

/** Runs in the page: marks the document with an id (to tell a navigation from an axe error) and hashes what it shows. */
async function pageState(): Promise<{ documentId: string; fingerprint: string; hasAxe: boolean }> {
  // Two frames, so what React was committing is on screen (with a cap: a hidden page gets no frames).
  await new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(resolve));
    setTimeout(resolve, 500);
  });
  const marked = window as unknown as { __a11yDocumentId?: string };
  marked.__a11yDocumentId ??= Math.random().toString(36).slice(2);
  const shown = `${innerWidth}x${innerHeight}\n${document.documentElement.lang}\n${document.title}\n${document.body.innerHTML}`;
  let hash = 2166136261;
  for (let index = 0; index < shown.length; index++) {
    hash ^= shown.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  const hasAxe = typeof (window as unknown as { axe?: unknown }).axe !== "undefined";
  return { documentId: marked.__a11yDocumentId, fingerprint: `${shown.length}.${(hash >>> 0).toString(36)}`, hasAxe };
}

/** After a failed check: did the page load another document (or close) meanwhile? */
async function documentWasReplaced(page: Page, documentId: string | undefined): Promise<boolean> {
  if (page.isClosed()) return true;
  try {
    const current = await page.evaluate(() => (window as unknown as { __a11yDocumentId?: string }).__a11yDocumentId);
    return documentId === undefined || current !== documentId;
  } catch {
    return true; // no document to ask: it was being replaced
  }
}

export class A11yWatcher {
  readonly findings: Finding[] = [];
  readonly failures: Failure[] = [];
  /** Page URLs (path + query) checked successfully at least once. */
  readonly checked = new Set<string>();
  /** Full URLs whose check was interrupted by a navigation, with the visitor state of the moment. */
  readonly interrupted = new Map<string, "signed-in" | "visitor">();
  readonly checks: { url: string; when: string; outcome: CheckOutcome; ms: number }[] = [];
  readonly redirectedWhenOpenedAgain: string[] = [];
  private readonly queues = new Map<Page, Promise<void>>();

  /**
   * By default the results are shared with the worker's other tests (see `checkedStates`);
   * a test that alters how pages look (e.g. by routing their CSS) must pass its own maps.
   */
  constructor(
    private readonly states: Map<string, Result[]> = checkedStates,
    private readonly urls: Set<string> = checkedUrls,
  ) {}

  watch(page: Page): void {
    if (this.queues.has(page)) return;
    this.queues.set(page, Promise.resolve());
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      const url = frame.url();
      if (/^https?:/.test(url)) this.enqueue(page, url, "after navigation");
    });
  }

  private enqueue(page: Page, url: string, when: string, strict = false): Promise<void> {
    const next = (this.queues.get(page) ?? Promise.resolve()).then(() => this.run(page, url, when, strict));
    this.queues.set(page, next);
    return next;
  }

  /** Waits until no check is queued or running on any watched page. */
  async settle(): Promise<void> {
    for (;;) {
      const pending = [...this.queues.values()];
      await Promise.all(pending);
      const now = [...this.queues.values()];
      if (now.length === pending.length && now.every((promise, index) => promise === pending[index])) return;
    }
  }

  /**
   * Checks `page` now (after any queued check), e.g. a state that a server action produced.
   * `strict`: the test waits for this check, so a navigation during it is a failure too.
   */
  async checkNow(page: Page, when: string, strict = false): Promise<void> {
    this.watch(page);
    await this.settle();
    await this.enqueue(page, page.url(), when, strict);
  }

  /** `strict`: nothing else moves this page on, so an interruption is a failure too. */
  private async run(page: Page, expectedUrl: string, when: string, strict: boolean): Promise<void> {
    const started = performance.now();
    const record = (outcome: CheckOutcome) => this.checks.push({ url: expectedUrl, when, outcome, ms: Math.round(performance.now() - started) });
    let documentId: string | undefined;
    try {
      if (page.isClosed()) throw new Interrupted();
      await page.waitForLoadState("load");
      // Next streams the metadata of dynamic pages after the body: give the <title> a moment to arrive.
      await page.waitForFunction(() => document.title !== "", null, { timeout: 3_000 }).catch(() => {});
      // The page moved on before its check could start: its own navigation queued the next check.
      if (page.url() !== expectedUrl) throw new Interrupted();
      const state = await page.evaluate(pageState);
      documentId = state.documentId;
      const key = `${pageKey(expectedUrl)} ${state.fingerprint}`;
      let violations = this.states.get(key);
      if (!violations) {
        if (!state.hasAxe) await page.evaluate(AXE_SOURCE);
        const results = await new AxeBuilder({ page, axeSource: AXE_ALREADY_INJECTED }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
        // A client-side navigation during the analysis: the results mix two pages.
        if (page.url() !== expectedUrl) throw new Interrupted();
        violations = results.violations;
        this.states.set(key, violations);
        record("checked");
      } else {
        record("same state as an earlier check");
      }
      for (const rule of violations) this.findings.push({ url: expectedUrl, when, rule });
      this.checked.add(pageKey(expectedUrl));
      this.urls.add(`${await visitorState(page)} ${pageKey(expectedUrl)}`);
    } catch (error) {
      if (!strict && (error instanceof Interrupted || (await documentWasReplaced(page, documentId)))) {
        this.interrupted.set(expectedUrl, await visitorState(page).catch(() => "visitor" as const));
        record("interrupted");
        return;
      }
      const message = error instanceof Interrupted ? "the page navigated away by itself" : error instanceof Error ? error.message : String(error);
      this.failures.push({ url: expectedUrl, when, message });
      record("failed");
    }
  }

  /** End of test: the queue, each open page's final state, then each URL never checked to the end. */
  async finish(pages: Page[], openPage: () => Promise<Page>): Promise<void> {
    await this.settle();
    for (const page of pages) {
      if (!page.isClosed() && /^https?:/.test(page.url())) await this.checkNow(page, "at the end of the test");
    }
    for (const [url, state] of [...this.interrupted]) {
      if (this.checked.has(pageKey(url)) || this.urls.has(`${state} ${pageKey(url)}`)) continue;
      const page = await openPage();
      try {
        await page.goto(url);
        // The URL may now send elsewhere (e.g. after sign-out): what it shows is checked instead.
        if (pageKey(page.url()) !== pageKey(url)) this.redirectedWhenOpenedAgain.push(`${url} -> ${page.url()}`);
        await this.enqueue(page, page.url(), "opened again at the end of the test (its check was interrupted)", true);
      } finally {
        this.queues.delete(page);
        await page.close();
      }
    }
  }

  serious(): Finding[] {
    const seen = new Set<string>();
    return this.findings.filter(({ url, rule }) => {
      if (!FAILING_IMPACTS.has(rule.impact ?? "")) return false;
      const key = `${pageKey(url)} ${rule.id} ${rule.nodes.map((node) => node.target.join(" ")).join("|")}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  report(): string {
    const lines: string[] = [];
    for (const { url, when, rule } of this.serious()) {
      lines.push(`- [${rule.impact}] ${rule.id}: ${rule.help}`);
      lines.push(`    on ${pageKey(url)} (${when}); see ${rule.helpUrl}`);
      for (const node of rule.nodes.slice(0, 5)) {
        lines.push(`    at ${node.target.join(" ")}: ${node.html.slice(0, 160)}`);
        if (node.failureSummary) lines.push(`       ${node.failureSummary.replace(/\n\s*/g, " ")}`);
      }
      if (rule.nodes.length > 5) lines.push(`    … and ${rule.nodes.length - 5} more elements`);
    }
    for (const { url, when, message } of this.failures) {
      lines.push(`- axe could not check ${pageKey(url)} (${when}): ${message.split("\n")[0]}`);
    }
    return lines.join("\n");
  }
}
