import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // server-only's "exports" hides empty.js, so point at the file itself.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    environment: "node",
    pool: "forks",
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 20_000,
    // The app's log stays out of test output; tests/integration/logging.test.ts turns it on to read it.
    env: { LOG_LEVEL: "silent" },
    hookTimeout: 60_000,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses.
    server: { deps: { inline: ["next-auth"] } },
  },
});
