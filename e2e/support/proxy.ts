/** The two-instance suite's view of its nginx: the access log, and clients with addresses of their own. */
import { existsSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import type { BrowserContext } from "@playwright/test";
import { PROXY_ACCESS_LOG, PROXY_PORT, PROXY_TAG_HEADER } from "./env";
import { type AccessLogEntry, parseAccessLog } from "./nginx-config";

/** Every request this context sends carries `tag`, which nginx writes into its access log. */
export async function tagRequests(context: BrowserContext, tag: string): Promise<void> {
  await context.setExtraHTTPHeaders({ [PROXY_TAG_HEADER]: tag });
}

/** The access log's entries for requests tagged `tag`. */
export function proxiedRequests(tag: string): AccessLogEntry[] {
  if (!existsSync(PROXY_ACCESS_LOG)) return [];
  return parseAccessLog(readFileSync(PROXY_ACCESS_LOG, "utf8")).filter((entry) => entry.tag === tag);
}

/** The instances that answered `tag`'s server actions (POSTs), by address. */
export function instancesThatAnsweredActions(tag: string): Set<string> {
  return new Set(
    proxiedRequests(tag)
      .filter((entry) => entry.method === "POST" && entry.upstream !== "-")
      .map((entry) => entry.upstream),
  );
}

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A POST to nginx from `localAddress` (any 127.0.0.x on Linux's loopback): a client with an address
 * of its own, which a browser on this machine cannot be.
 */
export function postFrom(localAddress: string, path: string, form: FormData, headers: Record<string, string>): Promise<RawResponse> {
  return rawPost({ port: PROXY_PORT, localAddress }, path, form, headers);
}

/**
 * A POST straight to one instance, as nginx forwards it (the client's address in X-Forwarded-For):
 * a test then knows which instance took the request, whatever else the round robin is serving.
 */
export function postToInstance(port: number, path: string, form: FormData, headers: Record<string, string>): Promise<RawResponse> {
  return rawPost({ port, localAddress: "127.0.0.1" }, path, form, { "X-Forwarded-For": "127.0.0.1", ...headers });
}

async function rawPost(
  { port, localAddress }: { port: number; localAddress: string },
  path: string,
  form: FormData,
  headers: Record<string, string>,
): Promise<RawResponse> {
  const origin = `http://localhost:${port}`;
  const encoded = new Request(`${origin}${path}`, { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      {
        host: "127.0.0.1",
        port,
        localAddress,
        method: "POST",
        path,
        headers: {
          ...headers,
          Host: `localhost:${port}`,
          Origin: origin,
          "Content-Type": encoded.headers.get("content-type")!,
          "Content-Length": String(body.length),
          Connection: "close",
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    sent.on("error", reject);
    sent.end(body);
  });
}
