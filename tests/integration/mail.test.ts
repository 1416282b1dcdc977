import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox } from "@/db/schema";
import { sendEmail } from "@/lib/mail";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();
const mailState = globalThis as unknown as { csmTransport?: unknown };

const message = {
  to: "coordinación@example.org",
  subject: "Conferência Sul-Americana sobre Migrações: inscrição recebida",
  text: "Olá! A sua solicitação de acreditação foi recebida.\nAtenção: a Secretaria responderá em português.",
};

type Inbox = { server: SMTPServer; url: string; received: ParsedMail[]; envelopes: string[][] };

async function startInbox(): Promise<Inbox> {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    secure: false,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push(parsed);
          envelopes.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        })
        .catch(callback);
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}`, received, envelopes };
}

const stopInbox = (inbox: Inbox) => new Promise<void>((resolve) => inbox.server.close(() => resolve()));

const outbox = () => testDb().db.select().from(emailOutbox);

beforeEach(async () => {
  mailState.csmTransport = undefined;
  delete process.env.SMTP_URL;
  await testDb().db.execute(sql`truncate email_outbox`);
});

afterEach(() => {
  mailState.csmTransport = undefined;
  delete process.env.SMTP_URL;
});

describe("sendEmail", () => {
  it("keeps the message in the outbox when no SMTP server is configured", async () => {
    await sendEmail(message);
    expect(await outbox()).toMatchObject([{ ...message, status: "pending", sentAt: null, error: null }]);
  });

  it("delivers the message intact through SMTP and marks it sent", async () => {
    const inbox = await startInbox();
    try {
      process.env.SMTP_URL = inbox.url;
      await sendEmail(message);
    } finally {
      await stopInbox(inbox);
    }

    expect(inbox.received).toHaveLength(1);
    const [mail] = inbox.received;
    expect(mail!.subject).toBe(message.subject);
    expect(mail!.text?.trimEnd()).toBe(message.text);
    expect(inbox.envelopes).toEqual([[message.to]]);
    expect((mail!.to as AddressObject).value.map((address) => address.address)).toEqual([message.to]);
    expect(mail!.from?.text).toContain("no-reply@csm.localhost");

    const [row] = await outbox();
    expect(row).toMatchObject({ ...message, status: "sent", error: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it("rejects and marks the message failed when the SMTP server is down", async () => {
    const inbox = await startInbox();
    await stopInbox(inbox);
    process.env.SMTP_URL = inbox.url;

    await expect(sendEmail(message)).rejects.toThrow();

    const [row] = await outbox();
    expect(row).toMatchObject({ ...message, status: "failed", sentAt: null });
    expect(row!.error).toMatch(/ECONNREFUSED|connect/i);
  });
});
