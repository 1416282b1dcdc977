import { eq, sql } from "drizzle-orm";
import type { AddressObject } from "mailparser";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { drainDeliveries, openBoss } from "@/lib/server/jobs/workers";
import { sendEmail } from "@/lib/server/mail";
import { startInbox } from "../support/smtp-inbox";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const mailState = globalThis as unknown as { csmTransport?: unknown };
let boss: PgBoss;

const message = {
  to: "coordinación@example.org",
  subject: "Conferência Sul-Americana sobre Migrações: inscrição recebida",
  text: "Olá! A sua solicitação de acreditação foi recebida.\nAtenção: a Secretaria responderá em português.",
};

const outbox = () => testDb().db.select().from(emailOutbox);

beforeAll(async () => {
  boss = await openBoss(testDb().db);
});

afterAll(async () => {
  await boss.stop({ graceful: false, close: false, wait: true });
});

beforeEach(async () => {
  mailState.csmTransport = undefined;
  delete process.env.SMTP_URL;
  process.env.MAIL_RETRY_DELAY_SECONDS = "1";
  await testDb().db.execute(sql`truncate email_outbox`);
  await testDb().db.execute(sql`delete from pgboss.job`);
});

afterEach(() => {
  mailState.csmTransport = undefined;
  delete process.env.SMTP_URL;
  delete process.env.MAIL_RETRY_LIMIT;
});

async function drainUntil(done: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("the queue did not settle in time");
    await drainDeliveries(boss);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("sendEmail", () => {
  it("queues the message without sending it in the request", async () => {
    const inbox = await startInbox();
    try {
      process.env.SMTP_URL = inbox.url;
      await sendEmail(message);
      expect(inbox.received).toHaveLength(0);
      expect(await outbox()).toMatchObject([{ ...message, status: "pending", kind: "notice", sentAt: null }]);
    } finally {
      await inbox.stop();
    }
  });

  it("keeps the message pending in the outbox when no SMTP server is configured", async () => {
    await sendEmail(message);
    await drainDeliveries(boss);
    expect(await outbox()).toMatchObject([{ ...message, status: "pending", sentAt: null, error: null }]);
  });

  it("delivers the message intact through SMTP and marks it sent", async () => {
    const inbox = await startInbox();
    try {
      process.env.SMTP_URL = inbox.url;
      await sendEmail(message);
      expect(await drainDeliveries(boss)).toBe(1);
    } finally {
      await inbox.stop();
    }

    expect(inbox.received).toHaveLength(1);
    const [mail] = inbox.received;
    expect(mail!.subject).toBe(message.subject);
    expect(mail!.text?.trimEnd()).toBe(message.text);
    expect(inbox.envelopes).toEqual([[message.to]]);
    expect((mail!.to as AddressObject).value.map((address) => address.address)).toEqual([message.to]);
    expect(mail!.from?.text).toContain("no-reply@csm.localhost");

    const [row] = await outbox();
    expect(row).toMatchObject({ ...message, status: "sent", error: null, attempts: 1 });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it("records the SMTP error, retries with backoff, and delivers once the server is back", async () => {
    const inbox = await startInbox();
    await inbox.stop();
    process.env.SMTP_URL = inbox.url;
    await sendEmail(message);

    await drainDeliveries(boss);
    const [failed] = await outbox();
    expect(failed).toMatchObject({ status: "failed", sentAt: null, attempts: 1 });
    expect(failed!.error).toMatch(/ECONNREFUSED|connect/i);

    await inbox.restart();
    try {
      await drainUntil(async () => (await outbox())[0]!.status === "sent");
    } finally {
      await inbox.stop();
    }
    expect(inbox.received).toHaveLength(1);
    expect((await outbox())[0]).toMatchObject({ status: "sent", attempts: 2, error: null });
  });

  it("marks the message dead after its last attempt", async () => {
    process.env.MAIL_RETRY_LIMIT = "1";
    const inbox = await startInbox();
    await inbox.stop();
    process.env.SMTP_URL = inbox.url;
    await sendEmail(message);

    await drainUntil(async () => (await outbox())[0]!.status === "dead");
    const [dead] = await outbox();
    expect(dead).toMatchObject({ status: "dead", attempts: 2 });
    expect(dead!.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await testDb().db.select().from(emailOutbox).where(eq(emailOutbox.status, "sent"))).toHaveLength(0);
  });
});
