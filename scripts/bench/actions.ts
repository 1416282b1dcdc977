/**
 * Server actions called over HTTP the way the browser calls them: the action's id from the build,
 * the form in React's reply format, the session cookie of a real Auth.js session row.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export const SESSION_COOKIE = "authjs.session-token";

/** A file field, sent as a multipart part with a file name (as a file input sends it). */
export type FilePart = { fileName: string; contentType: string; bytes: Uint8Array };
export type ActionFields = Record<string, string | string[] | FilePart>;

/** The id Next gave a server action (as an attacker's or a browser's request would send it). */
export function serverActionId(exportedName: string, fileContains: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === exportedName && entry.filename?.includes(fileContains));
  if (found.length !== 1) throw new Error(`${found.length} server actions ${exportedName} in ${fileContains}`);
  return found[0]![0];
}

/** A `useActionState` action call in React's reply format (the form's fields, then the root "0"). */
export function actionBody(fields: ActionFields): { body: Buffer; contentType: string } {
  const boundary = `----bench${crypto.randomUUID().replaceAll("-", "")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "object" && !Array.isArray(value)) {
      const header = `--${boundary}\r\nContent-Disposition: form-data; name="_1_${name}"; filename="${value.fileName}"\r\nContent-Type: ${value.contentType}\r\n\r\n`;
      parts.push(Buffer.from(header), Buffer.from(value.bytes), Buffer.from("\r\n"));
      continue;
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_1_${name}"\r\n\r\n${item}\r\n`));
    }
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="0"\r\n\r\n${JSON.stringify([{ status: "idle" }, "$K1"])}\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function actionRequest(origin: string, pagePath: string, actionId: string, session: string, fields: ActionFields) {
  const { body, contentType } = actionBody(fields);
  return {
    method: "POST",
    path: pagePath,
    body,
    headers: {
      "content-type": contentType,
      "next-action": actionId,
      origin,
      accept: "text/x-component",
      cookie: `${SESSION_COOKIE}=${session}`,
    },
  };
}

/**
 * A refused action answers 200 with its error state (`{"status":"error",...}`); one that throws, or
 * whose redirect target fails to render, carries an error row (`E{"digest":...}`) in the payload.
 */
export const actionSucceeded = (body: string) => !body.includes('"status":"error"') && !/:E\{"digest"/.test(body);
