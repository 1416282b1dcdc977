/**
 * The app's process is SIGKILLed while it records decisions, right after some have committed and
 * before any of their notices went out. Another process then runs the job workers: every notice of
 * a committed decision is delivered exactly once (counted at the SMTP server), and a decision the
 * kill rolled back sends nothing. `npm run reliability:faults` runs it with more decisions
 * (CRASH_DECISIONS).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { inArray, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, rowsOf, schema, setDatabase } from "@/db/client";
import { applications, emailOutbox } from "@/db/schema";
import { installJobs } from "@/lib/server/jobs/queue";
import { drainDeliveries, openBoss } from "@/lib/server/jobs/workers";
import { factories } from "../support/factories";
import { type Inbox, startInbox } from "../support/smtp-inbox";
import { useTestDatabase } from "../support/test-db";

const root = fileURLToPath(new URL("../..", import.meta.url));
const DECISIONS = Number(process.env.CRASH_DECISIONS ?? 50);
const KILL_AFTER = Math.floor(DECISIONS / 2);
const testDb = useTestDatabase();
const mailState = globalThis as unknown as { csmTransport?: unknown };

/**
 * The database the test and the killed process share: on PostgreSQL the file's own database; on
 * the embedded one a PGlite directory (an in-memory database belongs to one process), opened by
 * one process at a time.
 */
type SharedDatabase = {
  db: Database;
  childEnv: Record<string, string | undefined>;
  release(): Promise<void>;
  reopen(): Promise<Database>;
  remove(): Promise<void>;
};

async function sharedDatabase(): Promise<SharedDatabase> {
  if (testDb().driver === "postgres") {
    const db = testDb().db;
    return { db, childEnv: { DATABASE_URL: process.env.DATABASE_URL }, release: async () => {}, reopen: async () => db, remove: async () => {} };
  }
  const { openPglite } = await import("@/db/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = mkdtempSync(path.join(os.tmpdir(), "csm-crash-"));
  const open = async () => {
    const client = await openPglite(dir);
    return { client, db: drizzle({ client, schema }) as unknown as Database };
  };
  let current = await open();
  await migrate(current.db as never, { migrationsFolder: path.join(root, "drizzle") });
  await installJobs(current.db);
  return {
    db: current.db,
    childEnv: { DATABASE_URL: undefined, PGLITE_DIR: dir, EMBEDDED_DATABASE: "true" },
    release: () => current.client.close(),
    reopen: async () => {
      current = await open();
      setDatabase(current.db, "pglite");
      return current.db;
    },
    remove: async () => {
      await current.client.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}.lock`, { force: true });
    },
  };
}

/** Starts the deciding process and SIGKILLs it once `killAfter` decisions have committed; returns the ids it reported. */
async function decideUntilKilled(
  env: Record<string, string | undefined>,
  input: object,
  killAfter: number,
): Promise<{ reported: string[]; finishedFirst: boolean }> {
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/decide-until-killed.ts"], {
    cwd: root,
    env: { ...process.env, ...env, LOG_LEVEL: "silent", DECIDE_INPUT: JSON.stringify(input) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const reported: string[] = [];
  let finishedFirst = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line === "done") finishedFirst = true;
    else if (line.startsWith("committed ")) reported.push(line.slice("committed ".length));
    if (reported.length >= killAfter || finishedFirst) {
      child.kill("SIGKILL");
      break;
    }
  }
  await exited;
  if (child.signalCode !== "SIGKILL") throw new Error(`the deciding process ended by itself (${child.exitCode}): ${stderr}`);
  return { reported, finishedFirst };
}

describe("notices after the app is killed", { timeout: 180_000 }, () => {
  let shared: SharedDatabase | undefined;
  let inbox: Inbox | undefined;
  const bosses: PgBoss[] = [];

  afterAll(async () => {
    for (const boss of bosses) await boss.stop({ graceful: false, close: false, wait: true });
    await inbox?.stop();
    mailState.csmTransport = undefined;
    delete process.env.SMTP_URL;
    await shared?.remove();
  });

  it(`SIGKILLed after ${KILL_AFTER} of ${DECISIONS} decisions commit: each committed decision's notice is delivered exactly once, and none for the rest`, async () => {
    shared = await sharedDatabase();
    const make = factories(() => shared!.db);
    const admin = await make.user("admin");
    const cases: { applicationId: string; email: string }[] = [];
    for (let index = 0; index < DECISIONS; index++) {
      const organization = await make.organization(`Red tras la caída ${index}`);
      const member = await make.user("applicant", { locale: (["es", "pt", "en"] as const)[index % 3] });
      await make.member(organization, member.id);
      cases.push({ applicationId: await make.application(organization, "recommended"), email: member.email });
    }
    await shared.release();

    const { reported, finishedFirst } = await decideUntilKilled(
      shared.childEnv,
      { admin, applicationIds: cases.map((c) => c.applicationId), concurrency: 5 },
      KILL_AFTER,
    );
    expect(finishedFirst, "the process was killed while it was still deciding").toBe(false);

    const db = await shared.reopen();
    const decidedRows = await db
      .select({ id: applications.id })
      .from(applications)
      .where(
        sql`${applications.status} = 'accredited_participant' and ${inArray(
          applications.id,
          cases.map((c) => c.applicationId),
        )}`,
      );
    const decided = new Set(decidedRows.map((row) => row.id));
    expect(
      reported.every((id) => decided.has(id)),
      "every decision reported as committed is stored",
    ).toBe(true);
    expect(decided.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(decided.size, "the kill left decisions undone").toBeLessThan(DECISIONS);

    const queued = await db
      .select({ to: emailOutbox.to })
      .from(emailOutbox)
      .where(
        inArray(
          emailOutbox.to,
          cases.map((c) => c.email),
        ),
      );
    const expected = cases.filter((c) => decided.has(c.applicationId)).map((c) => c.email);
    expect(queued.map((row) => row.to).sort(), "a notice was queued with each committed decision and with no other").toEqual([...expected].sort());
    expect(rowsOf<{ pending: number }>(await db.execute(sql`select count(*)::int as pending from email_outbox where status = 'pending'`))[0]!.pending).toBe(
      expected.length,
    );

    inbox = await startInbox();
    process.env.SMTP_URL = inbox.url;
    mailState.csmTransport = undefined;
    bosses.push(await openBoss(db), await openBoss(db), await openBoss(db));
    const deadline = Date.now() + 120_000;
    for (;;) {
      await Promise.all(bosses.map((boss) => drainDeliveries(boss)));
      const [{ unsent }] = rowsOf<{ unsent: number }>(await db.execute(sql`select count(*)::int as unsent from email_outbox where status <> 'sent'`)) as [
        { unsent: number },
      ];
      if (unsent === 0) break;
      if (Date.now() > deadline) throw new Error(`${unsent} notices still undelivered`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Drained once more: a notice already sent is never sent again.
    await Promise.all(bosses.map((boss) => drainDeliveries(boss)));

    const received = new Map<string, number>();
    for (const envelope of inbox.envelopes) for (const address of envelope) received.set(address, (received.get(address) ?? 0) + 1);
    expect(inbox.envelopes).toHaveLength(expected.length);
    for (const { applicationId, email } of cases) expect(received.get(email) ?? 0, email).toBe(decided.has(applicationId) ? 1 : 0);
  });
});
