import { closeDb, getDatabase, pgliteDir } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { type ConsoleAdminOutcome, grantAdminFromConsole } from "@/db/queries/console-admin";
import { portalUrl } from "@/db/queries/notifications";
import { AppError } from "@/lib/errors";

/**
 * `npm run admin:create -- someone@example.org`: the first admin (or any later one) from the server
 * console, on DATABASE_URL or the embedded database. Migrates first, so it also works before the
 * portal's first start.
 */
const USAGE = "Usage: npm run admin:create -- someone@example.org";

const WHAT_HAPPENED: Record<ConsoleAdminOutcome["outcome"], string> = {
  created: "now has a new administrator account",
  promoted: "was promoted to administrator",
  reactivated: "was reactivated as an administrator",
  unchanged: "was already an active administrator; nothing changed",
};

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  if (args.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const { driver } = await getDatabase();
  await migrateDatabase();
  const result = await grantAdminFromConsole({ email: args[0]! });
  const where = driver === "postgres" ? "the PostgreSQL database of DATABASE_URL" : `the embedded database in ${pgliteDir()}`;
  const recorded = result.outcome === "unchanged" ? "" : "; recorded in the audit log";
  console.log(
    `${result.email} ${WHAT_HAPPENED[result.outcome]} (${where}${recorded}). ` +
      `Next: start the portal if it is not running (npm start), open ${portalUrl("/es/sign-in")} (or /pt/sign-in, /en/sign-in), ` +
      `enter ${result.email} and open the link or type the code from the e-mail that arrives; there is no password. ` +
      `Signed in, the admin invites reviewers and other admins on ${portalUrl("/es/secretariat/staff")}.`,
  );
  return 0;
}

let code: number;
try {
  code = await main();
} catch (error) {
  console.error(error instanceof AppError && error.code === "invalid" ? `Not an e-mail address. ${USAGE}` : `admin:create failed: ${(error as Error).message}`);
  code = 1;
}
await closeDb().catch(() => {});
process.exit(code);
