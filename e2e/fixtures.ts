/**
 * Playwright's `test` for this suite: every page a test visits is checked by axe-core
 * (see support/a11y-watcher.ts) and must run without a Content-Security-Policy violation
 * (support/csp-watcher.ts), and `signIn` walks the e-mail-link sign-in.
 */
import { expect, type Page, test as base } from "@playwright/test";
import { A11yWatcher } from "./support/a11y-watcher";
import { cspReport, watchCspViolations } from "./support/csp-watcher";
import { type Locale, messages } from "./support/catalog";
import { isSignInMail, latestMailTo, magicLinkFrom, type CapturedMail } from "./support/mail";

export { expect };

export type A11y = {
  /** Checks the page as it is now (after any check already queued). */
  check: (label?: string, page?: Page) => Promise<void>;
};

export const test = base.extend<{ a11y: A11y; a11yWatcher: A11yWatcher }>({
  a11yWatcher: async ({}, use) => {
    await use(new A11yWatcher());
  },

  page: async ({ page, context, a11yWatcher }, use, testInfo) => {
    const cspViolations = await watchCspViolations(context);
    const extraPages: Page[] = [];
    a11yWatcher.watch(page);
    // Pages the test opens itself in this context (popups, context.newPage()) are checked too.
    const onPage = (other: Page) => {
      extraPages.push(other);
      a11yWatcher.watch(other);
    };
    context.on("page", onPage);

    await use(page);

    // Detached first: the pages the watcher opens for itself are not the test's.
    context.off("page", onPage);
    await a11yWatcher.finish([page, ...extraPages], () => context.newPage());

    const summary = {
      checks: a11yWatcher.checks,
      redirectedWhenOpenedAgain: a11yWatcher.redirectedWhenOpenedAgain,
      violations: a11yWatcher.findings.map(({ url, when, rule }) => ({
        url,
        when,
        id: rule.id,
        impact: rule.impact,
        help: rule.help,
        helpUrl: rule.helpUrl,
        targets: rule.nodes.map((node) => node.target.join(" ")),
      })),
      failures: a11yWatcher.failures,
    };
    // E2E_A11Y_LOG=1 prints what was checked, how (axe run, reused result, interrupted) and how long it took.
    if (process.env.E2E_A11Y_LOG) {
      const { checks, violations } = summary;
      console.log(`[a11y] ${testInfo.title}\n${JSON.stringify({ checks, violations }, null, 1)}`);
    }
    if (summary.violations.length > 0 || summary.failures.length > 0) {
      await testInfo.attach("a11y-violations.json", { body: JSON.stringify(summary, null, 2), contentType: "application/json" });
    }
    if (cspViolations.length > 0) {
      throw new Error(`The Content-Security-Policy blocked something the app needs:\n${cspReport(cspViolations)}`);
    }
    const report = a11yWatcher.report();
    if (report) {
      throw new Error(`Accessibility check (axe-core, WCAG 2.1 A/AA) failed: serious or critical problems\n${report}`);
    }
  },

  a11y: async ({ page, a11yWatcher }, use) => {
    await use({
      check: (label = "explicit check", target = page) => a11yWatcher.checkNow(target, label, true),
    });
  },
});

// ---------------------------------------------------------------------------------------
// Signing in through the e-mail link

const STAFF = new Set(["reviewer@demo.test", "admin@demo.test"]);

/**
 * Fills in the sign-in form of the current page (or opens /{locale}/sign-in first) and
 * sends it. Returns the time just before sending, for `latestMailTo(email, { since })`.
 */
export async function requestSignInLink(page: Page, email: string, { locale = "es", open = true }: { locale?: Locale; open?: boolean } = {}): Promise<number> {
  const t = messages(locale).SignIn;
  if (open) await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(t.email).fill(email);
  const since = Date.now();
  await page.getByRole("button", { name: t.submit }).click();
  return since;
}

export type SignInOptions = {
  /** Start from the current page's sign-in form instead of opening /{locale}/sign-in. */
  fromCurrentPage?: boolean;
  /** Where the link must land; by default the role's area, in the account's language. */
  landsOn?: string | RegExp;
};

/**
 * The whole magic-link sign-in, as a user does it: ask for the link on the sign-in page,
 * receive it through the local SMTP server, open it, press the button that confirms it, and
 * arrive in the role's area, in the language of the page the sign-in started from.
 * Tests running at the same time must not sign in with the same address: the newest
 * message to it could be the other test's.
 */
export async function signIn(
  page: Page,
  email: string,
  locale: Locale = "es",
  { fromCurrentPage = false, landsOn }: SignInOptions = {},
): Promise<{ mail: CapturedMail; link: string }> {
  const since = await requestSignInLink(page, email, { locale, open: !fromCurrentPage });
  await expect(page.getByRole("heading", { level: 1, name: messages(locale).SignIn.checkEmailTitle })).toBeVisible();
  await expect(page).toHaveURL(`/${locale}/sign-in/check-email`);

  const mail = await latestMailTo(email, { since, matching: isSignInMail });
  expect(mail.subject).toBe(messages(locale).Email.signIn.subject);
  const link = magicLinkFrom(mail.text);
  await confirmSignInLink(page, link, email, locale);

  const area = STAFF.has(email) ? "secretariat" : "applicant";
  const landingLocale: Locale = locale;
  await expect(page).toHaveURL(landsOn ?? `/${landingLocale}/${area}`);
  if (!landsOn) {
    const title = area === "secretariat" ? messages(landingLocale).Secretariat.title : messages(landingLocale).Applicant.title;
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  }
  return { mail, link };
}

/** Opens a sign-in link's confirmation page, which names the account, and presses its button. */
export async function confirmSignInLink(page: Page, link: string, email: string, locale: Locale): Promise<void> {
  const t = messages(locale).SignIn;
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: t.confirmTitle })).toBeVisible();
  await expect(page.getByText(t.confirmLead.replace("{email}", email))).toBeVisible();
  await page.getByRole("button", { name: t.confirmButton }).click();
}

/** A new address for every call, so tests never share an account or a rate-limit counter. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}
