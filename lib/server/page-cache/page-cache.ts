import { LRUCache } from "lru-cache";
import type { NextRequest } from "next/server";
import { ownOrigin, publicOrigin } from "@/lib/env";
import { type CacheableRequest, PAGE_FILL_HEADER } from "./cacheable-request";
import { getScriptNonce, hashInlineScripts, preloadLinks } from "./script-hashes";

/**
 * Whole public pages (and the register's open data), rendered once per URL and register revision on each instance, then served
 * as they are (docs/register-cache.md, "Whole pages"). The revision is read from the database on every request, so a
 * change made through any instance is seen by all at once; the lifetime bounds what changes with
 * time alone (an application window opening).
 */
export type CachedPage = {
  revision: string;
  kind: CacheableRequest["kind"];
  body: string | Uint8Array<ArrayBuffer>;
  scriptHashes: string[];
  headers: [string, string][];
};

const LIFETIME_MS = 60_000;
const pages = new LRUCache<string, CachedPage>({
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (page) => (typeof page.body === "string" ? page.body.length * 2 : page.body.byteLength) + 1024,
  ttl: LIFETIME_MS,
});
const rendering = new Map<string, Promise<CachedPage | Response>>();

/** Headers of the rendered page that describe it, not the render or the connection. */
const KEPT_HEADERS = new Set([
  "content-type",
  "content-language",
  "content-disposition",
  "access-control-allow-origin",
  "link",
  "vary",
  "cache-control",
  "x-robots-tag",
]);

async function render(request: NextRequest, { key, kind }: CacheableRequest, revision: string): Promise<CachedPage | Response> {
  // The page is rendered by asking this server for it, as a browser would.
  const response = await fetch(new URL(key, ownOrigin() ?? request.nextUrl.origin), {
    headers: { [PAGE_FILL_HEADER]: "1", "accept-language": request.headers.get("accept-language") ?? "" },
    redirect: "manual",
    cache: "no-store",
  });
  // Bytes as sent: a CSV download starts with a byte-order mark that decoding as text would drop.
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200 || (kind === "page" && !response.headers.get("content-type")?.startsWith("text/html"))) {
    // Not found, a redirect, an error: answered as rendered, with its own nonce policy, and not kept.
    const headers = new Headers(response.headers);
    for (const name of ["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"]) headers.delete(name);
    // The proxy's answers need an absolute Location: the portal's public address, as the visitor sees it.
    const location = headers.get("location");
    if (location) headers.set("location", new URL(location, publicOrigin()).toString());
    return new Response(body, { status: response.status, headers });
  }
  const { html, scriptHashes } =
    kind === "page"
      ? hashInlineScripts(new TextDecoder().decode(body), getScriptNonce(response.headers.get("content-security-policy")))
      : { html: body, scriptHashes: [] };
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => {
    if (name === "link") value = preloadLinks(value);
    if (KEPT_HEADERS.has(name) && value) headers.push([name, value]);
  });
  return { revision, kind, body: html, scriptHashes, headers };
}

/**
 * The page for this key at this revision: from the cache, or rendered once however many visitors
 * ask for it at the same moment. A Response is a page that is not kept (anything but a 200).
 */
export async function cachedPage(request: NextRequest, cacheable: CacheableRequest, revision: string): Promise<{ page: CachedPage | Response; hit: boolean }> {
  const kept = pages.get(cacheable.key);
  if (kept?.revision === revision) return { page: kept, hit: true };
  const flight = `${revision}\n${cacheable.key}`;
  let pending = rendering.get(flight);
  if (!pending) {
    pending = render(request, cacheable, revision)
      .then((page) => {
        if (!(page instanceof Response)) pages.set(cacheable.key, page);
        return page;
      })
      .finally(() => rendering.delete(flight));
    rendering.set(flight, pending);
  }
  const page = await pending;
  // A Response's body can be read once: visitors who waited on the same render get their own copy.
  return { page: page instanceof Response ? page.clone() : page, hit: false };
}
