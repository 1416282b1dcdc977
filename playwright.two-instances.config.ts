import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";
import { APP_URL, SECOND_APP_PORT, SECOND_APP_URL, SMTP_PORT } from "./e2e/support/env";

/**
 * Two production servers (`next start`) on one PostgreSQL database, as behind a load balancer:
 * the first prepares the database (migrate, seed), the second joins it. The specs in
 * e2e/two-instances alternate their requests between them. PostgreSQL only (DATABASE_URL):
 * the embedded database allows one process, so `npm run test:two-instances` says so and stops.
 */
const sharedSecret = process.env.E2E_AUTH_SECRET ?? randomBytes(32).toString("base64url");
const server = base.webServer as Exclude<typeof base.webServer, unknown[] | undefined>;

export default defineConfig({
  ...base,
  testDir: "e2e/two-instances",
  testIgnore: undefined,
  projects: base.projects!.filter((project) => project.name === "chromium").map((project) => ({ ...project, testIgnore: undefined })),
  outputDir: "test-results/two-instances",
  webServer: [
    { ...server, env: { ...server.env, E2E_AUTH_SECRET: sharedSecret } },
    {
      ...server,
      command: "npx tsx --conditions=react-server e2e/support/serve.ts --join",
      url: `${SECOND_APP_URL}/api/health`,
      env: { E2E_SMTP_PORT: String(SMTP_PORT), E2E_PORT: String(SECOND_APP_PORT), E2E_AUTH_SECRET: sharedSecret },
    },
  ],
  metadata: { instances: [APP_URL, SECOND_APP_URL] },
});
