import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";

await migrateDatabase();
const accounts = await seedDatabase(await getDb());
await closeDb();
console.log("Demo data ready. Demo accounts (sign in by e-mail link):");
for (const [role, email] of Object.entries(accounts)) console.log(`  ${role.padEnd(10)} ${email}`);
