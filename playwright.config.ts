import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./e2e/support/chromium";
import { defineConfig, devices } from "@playwright/test";
import { APP_URL, SMTP_PORT } from "./e2e/support/env";

/**
 * End-to-end tests against the production build (`next build` runs first: npm run test:e2e).
 * e2e/support/serve.ts prepares a fresh database and starts `next start` on port 3210;
 * e2e/support/smtp-capture.ts receives the app's e-mail; e2e/fixtures.ts checks every page
 * with axe-core.
 */
const CI = Boolean(process.env.CI);

// Chromium's own files (crash reports, caches) go to a throwaway HOME, not the user's.
const browserHome = path.join(os.tmpdir(), "csm-e2e-browser-home");
mkdirSync(browserHome, { recursive: true });

const FULL_CYCLE = /full-cycle\.spec\.ts$/;
/** On PGlite it reads "nothing changed" from the audit export, which other specs' admins write to meanwhile. */
const BAD_INPUT = /bad-input\.spec\.ts$/;
const BROWSER = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: browserHome },
  },
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  // Tests are independent (each signs in with its own address), so the two workers share
  // them out one by one rather than file by file.
  fullyParallel: true,
  workers: 2,
  // No retries: a flaky test is a bug to fix, not to hide.
  retries: 0,
  forbidOnly: CI,
  // Generous: a shared 2-core machine runs the server, two browsers and axe at once.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  globalSetup: "./e2e/support/smtp-capture.ts",
  use: {
    baseURL: APP_URL,
    // The portal's default language; tests that need another set it themselves.
    locale: "es-ES",
    timezoneId: "America/Lima",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      // e2e/two-instances runs by playwright.two-instances.config.ts, against two servers.
      testIgnore: [FULL_CYCLE, BAD_INPUT, /two-instances\//],
      use: BROWSER,
    },
    {
      // Closes the seeded edition's window and opens another: only once every other spec is done.
      name: "full-cycle",
      testMatch: FULL_CYCLE,
      dependencies: ["chromium"],
      use: BROWSER,
    },
    {
      name: "bad-input",
      testMatch: BAD_INPUT,
      dependencies: ["chromium"],
      use: BROWSER,
    },
  ],
  webServer: {
    command: "npx tsx --conditions=react-server e2e/support/serve.ts",
    url: `${APP_URL}/api/health`,
    timeout: 120_000,
    // Opt-in only (E2E_REUSE_SERVER=1): a server left running would be an older build with
    // another database, and its mail would not reach this run's SMTP capture.
    reuseExistingServer: !CI && process.env.E2E_REUSE_SERVER === "1",
    // SIGTERM lets serve.ts stop `next start` and delete the run's PGlite directory.
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: { E2E_SMTP_PORT: String(SMTP_PORT) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
