/**
 * Playwright global setup: a local SMTP server that stands in for the mail provider.
 * The app under test sends through it (SMTP_URL); each message is parsed and written to
 * MAIL_DIR as one JSON file, which the tests read with `latestMailTo()`.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { MAIL_DIR, SMTP_PORT } from "./env";
import { refusalFile } from "./mail-refusals";

export type CapturedMail = {
  /** Envelope recipients (lower-cased), plus the To: header's addresses. */
  to: string[];
  subject: string;
  text: string;
  /** The Date header. */
  date: string;
  /** When the capture server received it (ms since epoch): what `latestMailTo` orders by. */
  receivedAt: number;
  /** Attached files, their bytes in base64. */
  attachments: { filename: string; contentType: string; base64: string }[];
};

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((object) => object.value.map((entry) => entry.address ?? "")).filter(Boolean);
}

let sequence = 0;

export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    banner: "CSM e2e capture",
    // A test makes the mail provider refuse an address by writing a file named after it (see refuseMailTo).
    onRcptTo(address, _session, callback) {
      if (existsSync(refusalFile(address.address))) callback(new Error(`550 ${address.address}: mailbox refused by the test`));
      else callback();
    },
    async onData(stream, session, callback) {
      try {
        const receivedAt = Date.now();
        const parsed = await simpleParser(stream);
        const envelope = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const mail: CapturedMail = {
          to: [...new Set([...envelope, ...addressesOf(parsed.to)].map((address) => address.toLowerCase()))],
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          date: (parsed.date ?? new Date(receivedAt)).toISOString(),
          receivedAt,
          attachments: parsed.attachments.map((file) => ({
            filename: file.filename ?? "",
            contentType: file.contentType,
            base64: file.content.toString("base64"),
          })),
        };
        // Written under a temporary name first, so a reader never sees half a file.
        const name = `${receivedAt}-${String(++sequence).padStart(5, "0")}.json`;
        mkdirSync(MAIL_DIR, { recursive: true });
        writeFileSync(path.join(MAIL_DIR, `.${name}.tmp`), JSON.stringify(mail, null, 2));
        renameSync(path.join(MAIL_DIR, `.${name}.tmp`), path.join(MAIL_DIR, name));
        callback();
      } catch (error) {
        callback(error instanceof Error ? error : new Error(String(error)));
      }
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(SMTP_PORT, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      error.code === "EADDRINUSE"
        ? `SMTP capture: port ${SMTP_PORT} is in use. Stop what uses it or set E2E_SMTP_PORT.`
        : `SMTP capture could not start: ${error.message}`,
    );
  });
  server.on("error", (error) => console.error("[smtp-capture]", error));

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
