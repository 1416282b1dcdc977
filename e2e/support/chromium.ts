import { existsSync } from "node:fs";

/**
 * The system's Chromium when installed (Playwright cannot download its own browser here);
 * scripts/ensure-browser.mjs, run before the tests, finds or installs one.
 */
const systemChromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_EXECUTABLE = existsSync(systemChromium) ? systemChromium : undefined;

/** Root in a container, no GPU, and none of the background traffic this machine's closed network refuses. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
