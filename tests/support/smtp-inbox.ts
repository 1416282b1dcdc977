import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type Inbox = { url: string; port: number; received: ParsedMail[]; envelopes: string[][]; stop: () => Promise<void>; restart: () => Promise<void> };

/** A local SMTP server that keeps every message it accepts; it can be stopped and started again on the same port. */
export async function startInbox(): Promise<Inbox> {
  const received: ParsedMail[] = [];
  const envelopes: string[][] = [];
  let server: SMTPServer | undefined;
  const listen = async (port: number) => {
    server = new SMTPServer({
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
    server.listen(port, "127.0.0.1");
    await once(server.server, "listening");
    return (server.server.address() as AddressInfo).port;
  };
  const port = await listen(0);
  const stop = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  return { url: `smtp://127.0.0.1:${port}`, port, received, envelopes, stop, restart: async () => void (await listen(port)) };
}
