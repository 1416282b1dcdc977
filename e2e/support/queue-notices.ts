/**
 * Queues NOTICE_COUNT notices to `<NOTICE_PREFIX>-<n>@<domain>` in one transaction, through the
 * data layer's queueNotices (outbox rows and their delivery jobs), as a change with many
 * recipients does; for e2e/two-instances/notices.spec.ts. Prints how many it queued.
 */
import { getDatabase } from "@/db/client";
import { queueNotices } from "@/db/queries/outbox";

const count = Number(process.env.NOTICE_COUNT);
const prefix = process.env.NOTICE_PREFIX!;
const domain = process.env.NOTICE_DOMAIN!;

const { db, close } = await getDatabase();
const queued = await db.transaction((tx) =>
  queueNotices(
    tx,
    Array.from({ length: count }, (_, index) => ({
      to: `${prefix}-${index}@${domain}`,
      kind: "notice",
      key: `${prefix}:${index}`,
      subject: `Aviso ${index}`,
      text: `Aviso ${index} de ${count}.`,
    })),
  ),
);
await close();
console.log(`queued ${queued}`);
