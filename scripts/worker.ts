import { getDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { startWorkers, stopWorkers } from "@/lib/server/jobs/workers";
import { checkSettingsAtStart } from "@/lib/startup-check";

/**
 * The job worker as its own process (production): delivers queued e-mail and runs the
 * scheduled jobs. The embedded database belongs to one process, so it needs DATABASE_URL.
 */
async function main(): Promise<void> {
  checkSettingsAtStart("npm run worker");
  if (!env().DATABASE_URL) {
    console.error("npm run worker needs DATABASE_URL: the embedded database (PGlite) can only be opened by the app's own process, which runs the jobs itself.");
    process.exit(1);
  }
  await migrateDatabase();
  await startWorkers();
  console.log("[worker] running");
  const stop = async () => {
    await stopWorkers();
    await (await getDatabase()).close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

void main();
