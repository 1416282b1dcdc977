/**
 * `npm run screens`: screenshots of the portal as its users see it, at 360 px (a phone) and
 * 1280 px (a laptop), in es, pt and en, into docs/screens/ (JPEG, kept small), so a reviewer can
 * compare one change with the last. Runs against the demo (`npm run demo`, or SCREENS_URL): the
 * demo accounts sign in through the demo mailbox, as a person would. SCREENS_ONLY=a,b limits the
 * pages by name; SCREENS_DIR and SCREENS_FORMAT (png) change where and how.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { type Locale, LOCALES, messages } from "../e2e/support/catalog";

const BASE = (process.env.SCREENS_URL ?? "http://localhost:3000").replace(/\/$/, "");
const OUT = path.resolve(process.env.SCREENS_DIR ?? "docs/screens");
const WIDTHS = [360, 1280] as const;
const ONLY = process.env.SCREENS_ONLY?.split(",").map((name) => name.trim());
/** JPEG keeps the committed files small; SCREENS_FORMAT=png for tools that only read PNG. */
const FORMAT = process.env.SCREENS_FORMAT === "png" ? "png" : "jpeg";

type Who = "visitor" | "applicant" | "reviewer" | "admin" | "state";
type Screen = {
  name: string;
  who: Who;
  path: (page: Page, locale: Locale) => Promise<string> | string;
  /** Reached by a link on this page while the server holds its data back: the loading skeleton. */
  loadingFrom?: string;
};

const ACCOUNTS: Record<Exclude<Who, "visitor">, string> = {
  applicant: "applicant@demo.test",
  reviewer: "reviewer@demo.test",
  admin: "admin@demo.test",
  state: "focal.ar@demo.test",
};

const SCREENS: Screen[] = [
  { name: "home", who: "visitor", path: (_, locale) => `/${locale}` },
  { name: "register", who: "visitor", path: (_, locale) => `/${locale}/register` },
  { name: "register-organization", who: "visitor", path: (_, locale) => `/${locale}/register/demo-observer` },
  // The cached register with the header's account part filled in by the browser.
  { name: "register-signed-in", who: "applicant", path: (_, locale) => `/${locale}/register` },
  { name: "applicant-home", who: "applicant", path: (_, locale) => `/${locale}/applicant` },
  { name: "secretariat-dashboard", who: "admin", path: (_, locale) => `/${locale}/secretariat` },
  { name: "applicant-draft", who: "applicant", path: (page, locale) => firstLink(page, `/${locale}/applicant`, "/applicant/applications/") },
  { name: "secretariat-queue", who: "reviewer", path: (_, locale) => `/${locale}/secretariat/applications` },
  { name: "secretariat-queue-loading", who: "reviewer", path: (_, locale) => `/${locale}/secretariat/applications`, loadingFrom: "/secretariat" },
  { name: "secretariat-review", who: "reviewer", path: (page, locale) => firstLink(page, `/${locale}/secretariat/applications`, "/secretariat/applications/") },
  {
    name: "applicant-work",
    who: "applicant",
    path: async (page, locale) => `${await firstLink(page, `/${locale}/applicant`, "/applicant/applications/")}/work`,
  },
  {
    name: "applicant-documents",
    who: "applicant",
    path: async (page, locale) => `${await firstLink(page, `/${locale}/applicant`, "/applicant/applications/")}/documents`,
  },
  {
    name: "applicant-check-answers",
    who: "applicant",
    path: async (page, locale) => `${await firstLink(page, `/${locale}/applicant`, "/applicant/applications/")}/review`,
  },
  {
    name: "secretariat-decision",
    who: "admin",
    path: (page, locale) => firstLink(page, `/${locale}/secretariat/applications?status=recommended`, "/secretariat/applications/"),
  },
  { name: "design-system", who: "admin", path: (_, locale) => `/${locale}/secretariat/design` },
  { name: "secretariat-check-in", who: "admin", path: async (page, locale) => `${await meetingPage(page, locale, "XXII")}/check-in` },
  { name: "secretariat-attendance", who: "admin", path: async (page, locale) => `${await meetingPage(page, locale, "XXII")}/attendance` },
  { name: "verify", who: "visitor", path: (_, locale) => `/${locale}/verify` },
  { name: "register-pending", who: "visitor", path: (_, locale) => `/${locale}/register/pending` },
  { name: "states", who: "state", path: (_, locale) => `/${locale}/states` },
  { name: "states-consultation", who: "state", path: (page, locale) => firstLink(page, `/${locale}/states`, "/states/applications/") },
  {
    name: "secretariat-consultation",
    who: "admin",
    path: (page, locale) => firstLink(page, `/${locale}/secretariat/applications?status=in_consultation`, "/secretariat/applications/"),
  },
];

/** A meeting's page in the secretariat, by its number (its id differs from one demo database to another). */
async function meetingPage(page: Page, locale: Locale, number: string): Promise<string> {
  await page.goto(`${BASE}/${locale}/secretariat/meetings`);
  const href = await page
    .locator(`main a[href*="/secretariat/meetings/"]`)
    .filter({ hasText: new RegExp(`\\b${number}\\b`) })
    .first()
    .getAttribute("href");
  if (!href) throw new Error(`no meeting ${number} on the meetings page`);
  return href;
}

/** The first link on `from` whose address contains `part` (ids differ from one demo database to another). */
async function firstLink(page: Page, from: string, part: string): Promise<string> {
  await page.goto(`${BASE}${from}`);
  const href = await page.locator(`main a[href*="${part}"]`).first().getAttribute("href");
  if (!href) throw new Error(`no link to ${part} on ${from}`);
  return href;
}

/** Signs in through the demo mailbox: the link the portal "sent" is shown there while SMTP is off. */
async function signIn(page: Page, email: string, locale: Locale): Promise<void> {
  const t = messages(locale).SignIn;
  await page.goto(`${BASE}/${locale}/sign-in`);
  await page.getByLabel(t.email).fill(email);
  await page.getByRole("button", { name: t.submit }).click();
  await page.waitForURL(`**/${locale}/sign-in/check-email`);
  await page.goto(`${BASE}/${locale}/mailbox`);
  const message = page
    .locator("li")
    .filter({ has: page.getByTestId("mail-to").getByText(email, { exact: true }) })
    .first();
  const link = await message.locator('a[href*="/sign-in/confirm"]').first().getAttribute("href");
  if (!link) throw new Error(`no sign-in link for ${email} in the demo mailbox`);
  await page.goto(new URL(link, BASE).toString());
  await page.getByRole("button", { name: t.confirmButton }).click();
  await page.waitForURL((url) => !url.pathname.includes("/sign-in"));
}

/** Follows the link to `target` from `from` with the page's data held back; returns what lets it through. */
async function arriveWhileLoading(page: Page, from: string, target: string): Promise<() => Promise<void>> {
  await page.goto(`${BASE}${from}`, { waitUntil: "networkidle" });
  let letThrough = () => {};
  const held = new Promise<void>((resolve) => (letThrough = resolve));
  await page.route(`**${target}*`, async (route) => {
    const headers = await route.request().allHeaders();
    if (headers.rsc === "1" && !headers["next-router-prefetch"]) await held;
    await route.continue();
  });
  // Links prefetch on intent (components/ui/link.tsx): pointing at it brings the skeleton first.
  const link = page.locator(`a[href="${target}"]`).first();
  const prefetched = page.waitForResponse((response) => response.url().includes(target) && Boolean(response.request().headers()["next-router-prefetch"]));
  await link.hover();
  await prefetched;
  await link.click();
  await page.getByTestId("page-skeleton").waitFor();
  return async () => {
    letThrough();
    await page.unrouteAll({ behavior: "wait" });
  };
}

/** One session per account (sign-in links are rate-limited per address), every language in it. */
async function shoot(browser: Browser, who: Who, screens: Screen[]): Promise<string[]> {
  const written: string[] = [];
  const context = await browser.newContext({ timezoneId: "America/Lima" });
  const page = await context.newPage();
  if (who !== "visitor") await signIn(page, ACCOUNTS[who], "es");
  for (const locale of LOCALES) {
    for (const screen of screens) {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
        const target = await screen.path(page, locale);
        const release = screen.loadingFrom ? await arriveWhileLoading(page, `/${locale}${screen.loadingFrom}`, target) : null;
        if (!release) await page.goto(`${BASE}${target}`, { waitUntil: "networkidle" });
        const file = path.join(OUT, `${screen.name}-${locale}-${width}.${FORMAT === "png" ? "png" : "jpg"}`);
        await page.screenshot({ path: file, fullPage: true, type: FORMAT, ...(FORMAT === "jpeg" ? { quality: 60 } : {}) });
        written.push(path.relative(process.cwd(), file));
        await release?.();
      }
    }
  }
  await context.close();
  return written;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const screens = SCREENS.filter((screen) => !ONLY || ONLY.includes(screen.name));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    for (const who of ["visitor", "applicant", "reviewer", "admin", "state"] as const) {
      const mine = screens.filter((screen) => screen.who === who);
      if (mine.length > 0) for (const file of await shoot(browser, who, mine)) console.log(file);
    }
  } finally {
    await browser.close();
  }
}

await main();
