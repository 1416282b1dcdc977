/**
 * A stand-in for the app's process in tests/integration/notices-after-crash.test.ts: it records
 * accreditation decisions through the data layer, a few at a time, and prints "committed <id>"
 * as each one commits, until the test SIGKILLs it. It starts no job worker, so every notice it
 * queued is still undelivered when it dies. Input (JSON in DECIDE_INPUT): the admin and the
 * application ids. The database comes from the usual settings (DATABASE_URL or PGLITE_DIR).
 */
import { decideApplication } from "@/db/queries/accreditation-decisions";
import type { Actor } from "@/lib/actor";

type Input = { admin: Actor; applicationIds: string[]; concurrency: number };

const { admin, applicationIds, concurrency } = JSON.parse(process.env.DECIDE_INPUT ?? "{}") as Input;
const queue = [...applicationIds];

async function decideNext(): Promise<void> {
  for (let id = queue.shift(); id; id = queue.shift()) {
    await decideApplication(admin, { applicationId: id, decision: "participant", reason: "Cumple los criterios." });
    process.stdout.write(`committed ${id}\n`);
  }
}

await Promise.all(Array.from({ length: concurrency }, decideNext));
process.stdout.write("done\n");
// Stays up, as a server would, until the test kills it.
setInterval(() => {}, 60_000);
