export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SKIP_MIGRATIONS === "true") return;
  const { migrateDatabase } = await import("./db/migrate");
  await migrateDatabase();
}
