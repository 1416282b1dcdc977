export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.SKIP_MIGRATIONS !== "true") {
    const { migrateDatabase } = await import("./db/migrate");
    await migrateDatabase();
  }
  // End-to-end runs only (e2e/support/serve.ts sets both): test helpers that need the server's database.
  if (process.env.E2E_SUPPORT_PORT && process.env.E2E_SUPPORT_TOKEN) {
    const { startE2eSupport } = await import("./e2e/support/in-server");
    startE2eSupport(Number(process.env.E2E_SUPPORT_PORT), process.env.E2E_SUPPORT_TOKEN);
  }
}
