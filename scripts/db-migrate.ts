import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

await migrateDatabase();
await closeDb();
console.log("Database migrated.");
