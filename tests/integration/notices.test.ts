import { eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { decideApplication } from "@/db/queries/accreditation-decisions";
import { notifyOrganizationMembers } from "@/db/queries/notifications";
import { applications, emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { drainDeliveries, openBoss } from "@/lib/server/jobs/workers";
import { factories } from "../support/factories";
import { type Inbox, startInbox } from "../support/smtp-inbox";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const make = factories(() => testDb().db);
const mailState = globalThis as unknown as { csmTransport?: unknown };

let admin: Actor;
let inbox: Inbox;
const bosses: PgBoss[] = [];

beforeAll(async () => {
  admin = await make.user("admin");
  bosses.push(await openBoss(testDb().db), await openBoss(testDb().db), await openBoss(testDb().db));
});

afterAll(async () => {
  for (const boss of bosses) await boss.stop({ graceful: false, close: false, wait: true });
});

beforeEach(async () => {
  mailState.csmTransport = undefined;
  process.env.MAIL_RETRY_DELAY_SECONDS = "1";
  inbox = await startInbox();
  process.env.SMTP_URL = inbox.url;
  await testDb().db.execute(sql`truncate email_outbox`);
  await testDb().db.execute(sql`delete from pgboss.job`);
});

afterEach(async () => {
  await inbox.stop();
  mailState.csmTransport = undefined;
  delete process.env.SMTP_URL;
});

const queuedJobs = async () =>
  rowsOf<{ total: number }>(await testDb().db.execute(sql`select count(*)::int as total from pgboss.job where name = 'email-deliver'`))[0]!.total;

/** Every worker drains the queue at once, over and over, until every notice is sent. */
async function deliverAll(expected: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await Promise.all(bosses.map((boss) => drainDeliveries(boss)));
    const [{ sent }] = rowsOf<{ sent: number }>(await testDb().db.execute(sql`select count(*)::int as sent from email_outbox where status = 'sent'`)) as [
      { sent: number },
    ];
    if (sent >= expected) return;
    if (Date.now() > deadline) throw new Error(`only ${sent} of ${expected} notices were delivered`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function countByRecipient(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const envelope of inbox.envelopes) for (const address of envelope) counts.set(address, (counts.get(address) ?? 0) + 1);
  return counts;
}

async function decidedApplications(count: number): Promise<{ id: string; email: string }[]> {
  const made = [];
  for (let index = 0; index < count; index++) {
    const org = await make.organization(`Red ${index}`);
    const member = await make.user("applicant", { locale: index % 2 ? "pt" : "es" });
    await make.member(org, member.id);
    made.push({ id: await make.application(org, "recommended"), email: member.email });
  }
  return made;
}

describe("notices queued with their change", () => {
  it("queues nothing when the change rolls back", async () => {
    const org = await make.organization("Red Revertida");
    const member = await make.user("applicant");
    await make.member(org, member.id);
    await expect(
      testDb().db.transaction(async (tx) => {
        await notifyOrganizationMembers(tx, org, { kind: "decision", event: "rolled-back" }, () => ({ subject: "s", text: "t" }));
        await tx.update(applications).set({ decisionReason: "x" });
        throw new Error("the change fails after its notice was queued");
      }),
    ).rejects.toThrow("the change fails");

    expect(await testDb().db.select().from(emailOutbox)).toEqual([]);
    expect(await queuedJobs()).toBe(0);
    await deliverAll(0);
    expect(inbox.received).toHaveLength(0);
  });

  it("queues a notice once per change and recipient (its idempotency key)", async () => {
    const org = await make.organization("Red Única");
    const member = await make.user("applicant");
    await make.member(org, member.id);
    const notify = () =>
      testDb().db.transaction((tx) => notifyOrganizationMembers(tx, org, { kind: "decision", event: "same-change" }, () => ({ subject: "s", text: "t" })));
    expect(await notify()).toBe(1);
    expect(await notify()).toBe(0);
    expect(await make.mailTo(member.email)).toHaveLength(1);
    expect(await queuedJobs()).toBe(1);
  });

  it("delivers each of 50 decision notices exactly once after SMTP comes back", async () => {
    await inbox.stop();
    const decided = await decidedApplications(50);
    for (const { id } of decided) await decideApplication(admin, { applicationId: id, decision: "participant", reason: "Cumple." });

    await Promise.all(bosses.map((boss) => drainDeliveries(boss)));
    const failed = await testDb().db.select().from(emailOutbox).where(eq(emailOutbox.status, "failed"));
    expect(failed).toHaveLength(50);
    expect(failed[0]!.error).toMatch(/ECONNREFUSED|connect/i);

    await inbox.restart();
    await deliverAll(50);
    await deliverAll(50);
    const counts = countByRecipient();
    expect(inbox.received).toHaveLength(50);
    for (const { email } of decided) expect(counts.get(email)).toBe(1);
  });

  it("several workers draining at once send no notice twice", async () => {
    const decided = await decidedApplications(30);
    for (const { id } of decided) await decideApplication(admin, { applicationId: id, decision: "observer", reason: "Cumple." });

    await deliverAll(30);
    const counts = countByRecipient();
    expect(inbox.received).toHaveLength(30);
    for (const { email } of decided) expect(counts.get(email)).toBe(1);
  });
});
