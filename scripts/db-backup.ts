/** npm run db:backup -- FILE: the whole database (documents included) into FILE. */
import { dumpPglite, dumpPostgres } from "@/db/backup";
import { closeDb, getDb, pgliteDir } from "@/db/client";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:backup -- FILE");
  process.exit(2);
}
if (process.env.DATABASE_URL) {
  await dumpPostgres(process.env.DATABASE_URL, file);
} else {
  // Through the app's own opening, so a running server on the same directory is refused (one process per directory).
  const { $client: client } = (await getDb()) as unknown as { $client: import("@electric-sql/pglite").PGlite };
  await dumpPglite(client, file);
  await closeDb();
}
console.log(`Backup of ${process.env.DATABASE_URL ? "the PostgreSQL database" : pgliteDir()} written to ${file}.`);
