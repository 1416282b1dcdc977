#!/usr/bin/env node
/**
 * Before `npm test` (and `npm run test:e2e`): makes sure the browser tests have a Chromium.
 *  1. the system's Chromium (CHROMIUM_PATH, default /usr/bin/chromium), which playwright.config.ts prefers;
 *  2. Playwright's own Chromium, if it was downloaded before;
 *  3. as root where apt-get exists: Debian's `chromium` package;
 *  4. `npx playwright install chromium` (needs Playwright's download server);
 * else it stops with one message that says what to do.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { chromium } from "@playwright/test";

const systemChromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function found() {
  if (executable(systemChromium)) return systemChromium;
  const playwrights = chromium.executablePath();
  return executable(playwrights) ? playwrights : null;
}

function run(command, args) {
  console.log(`[browser] ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

const onPath = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

let browser = found();
if (!browser && process.getuid?.() === 0 && onPath("apt-get")) {
  console.log(`[browser] no Chromium at ${systemChromium}: installing Debian's chromium package`);
  if (run("apt-get", ["update", "-qq"]) && run("apt-get", ["install", "-y", "-qq", "chromium"])) browser = found();
}
if (!browser) {
  console.log("[browser] trying Playwright's own Chromium");
  if (run("npx", ["playwright", "install", "chromium"])) browser = found();
}
if (!browser) {
  console.error(
    `[browser] The browser tests need Chromium and none could be found or installed. Install it with ` +
      `\`sudo apt-get install chromium\` (Debian; it goes to /usr/bin/chromium) or \`npx playwright install chromium\`, ` +
      `or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the tests again.`,
  );
  process.exit(1);
}
console.log(`[browser] Chromium: ${browser}`);
