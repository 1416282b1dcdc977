import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";

/** A secret kept in .data/ so demo sessions survive restarts; production sets AUTH_SECRET itself. */
function demoSecret(): string {
  const file = ".data/auth-secret";
  if (!existsSync(file)) {
    mkdirSync(".data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

const port = process.env.PORT ?? "3000";
const url = `http://localhost:${port}`;

await migrateDatabase();
const accounts = await seedDatabase(await getDb());
await closeDb(); // PGlite: one process per data directory; the server opens it next.

console.log(`\nCSM accreditation portal: ${url}/es  (also /pt and /en)`);
console.log(`Demo mailbox (sign-in links arrive here): ${url}/es/mailbox`);
console.log("Demo accounts:");
for (const [role, email] of Object.entries(accounts)) console.log(`  ${role.padEnd(10)} ${email}`);
console.log("");

const server = spawn("npx", ["next", "start", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET ?? demoSecret(),
    AUTH_URL: process.env.AUTH_URL ?? url,
    AUTH_TRUST_HOST: "true",
    // The demo runs the production server on the embedded database, its mail shown in the demo mailbox.
    EMBEDDED_DATABASE: process.env.DATABASE_URL ? "false" : "true",
    MAILBOX_ENABLED: process.env.MAILBOX_ENABLED ?? "true",
    NEXT_TELEMETRY_DISABLED: "1",
  },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
