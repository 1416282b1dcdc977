/** npm run db:restore -- FILE: a backup of db:backup into an EMPTY database (DATABASE_URL) or a new PGLITE_DIR. */
import { restorePglite, restorePostgres } from "@/db/backup";
import { pgliteDir } from "@/db/client";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore -- FILE");
  process.exit(2);
}
if (process.env.DATABASE_URL) {
  await restorePostgres(process.env.DATABASE_URL, file);
} else {
  await (await restorePglite(file, pgliteDir())).close();
}
console.log(`Restored ${file} into ${process.env.DATABASE_URL ? "the PostgreSQL database" : pgliteDir()}.`);
