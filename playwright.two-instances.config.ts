import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { APP_URL, PROXIED_SIGN_IN_LIMIT_PER_ADDRESS, PROXY_URL, SECOND_APP_PORT, SECOND_APP_URL, SMTP_PORT } from "./e2e/support/env";

/**
 * Two production servers (`next start`) on one PostgreSQL database behind nginx, as deployed
 * (deploy/nginx.conf, README "Production"): the first instance prepares the database (migrate,
 * seed), the second joins it, and e2e/support/nginx.ts puts nginx in front of both. The specs in
 * e2e/two-instances go through nginx only. PostgreSQL only (DATABASE_URL): the embedded database
 * allows one process, so `npm run test:two-instances` says so and stops.
 */
const sharedSecret = process.env.E2E_AUTH_SECRET ?? randomBytes(32).toString("base64url");
const server = base.webServer as Exclude<typeof base.webServer, unknown[] | undefined>;
/** As in production behind one proxy: the public address is nginx's, which replaces X-Forwarded-For. */
const behindProxy = {
  E2E_AUTH_SECRET: sharedSecret,
  E2E_PUBLIC_URL: PROXY_URL,
  E2E_SIGN_IN_LIMIT_PER_ADDRESS: String(PROXIED_SIGN_IN_LIMIT_PER_ADDRESS),
  TRUSTED_PROXY_HOPS: "1",
};

export default defineConfig({
  ...base,
  testDir: "e2e/two-instances",
  testIgnore: undefined,
  use: { ...base.use, baseURL: PROXY_URL },
  projects: base.projects!.filter((project) => project.name === "chromium").map((project) => ({ ...project, testIgnore: undefined })),
  outputDir: "test-results/two-instances",
  webServer: [
    { ...server, env: { ...server.env, ...behindProxy } },
    {
      ...server,
      command: "npx tsx --conditions=react-server e2e/support/serve.ts --join",
      url: `${SECOND_APP_URL}/api/health`,
      env: { E2E_SMTP_PORT: String(SMTP_PORT), E2E_PORT: String(SECOND_APP_PORT), ...behindProxy },
    },
    {
      command: "npx tsx e2e/support/nginx.ts",
      url: `${PROXY_URL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
  metadata: { instances: [APP_URL, SECOND_APP_URL], proxy: PROXY_URL },
});
