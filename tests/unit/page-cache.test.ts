import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { cacheableRequest, PAGE_FILL_HEADER } from "@/lib/server/page-cache/cacheable-request";
import { getScriptNonce, hashInlineScripts, preloadLinks } from "@/lib/server/page-cache/script-hashes";
import { sharedRead } from "@/lib/server/page-cache/shared-read";
import { contentSecurityPolicy } from "@/lib/security-headers";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const DOCUMENT = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  new NextRequest(new URL(path, "http://localhost:3000"), { headers: { ...DOCUMENT, ...headers }, method });

const pageCacheKey = (request: NextRequest) => cacheableRequest(request)?.key ?? null;

describe("cacheableRequest", () => {
  it("keys an anonymous visitor's public pages and the register's open data by path and query", () => {
    for (const path of [
      "/es",
      "/pt/how-to-take-part",
      "/en/register",
      "/es/register?q=red&country=AR",
      "/es/register/red-andina",
      "/es/register/pending",
      "/es/privacy",
    ]) {
      expect(cacheableRequest(get(path))).toEqual({ key: path, kind: "page" });
    }
    for (const path of [
      "/api/v1/organizations?page=2",
      "/api/v1/organizations/red-andina",
      "/api/v1/pending-applications",
      "/api/register.csv?q=red",
      "/api/pending.json",
    ]) {
      expect(cacheableRequest(get(path))).toEqual({ key: path, kind: "data" });
    }
  });

  it("serves signed-in visitors the same page: their header is filled in by the browser", () => {
    expect(pageCacheKey(get("/es/register", { cookie: "authjs.session-token=abc" }))).toBe("/es/register");
  });

  it("leaves every other page, method and request to be rendered", () => {
    for (const path of [
      "/es/sign-in",
      "/es/verify",
      "/es/mailbox",
      "/es/applicant",
      "/es/secretariat/applications",
      "/api/health",
      "/api/account/export",
      "/fr/register",
    ]) {
      expect(pageCacheKey(get(path))).toBeNull();
    }
    expect(pageCacheKey(get("/es/register", {}, "POST"))).toBeNull();
    // Next's client router (navigations, prefetches) fetches with Accept: */*; Next strips its RSC headers before the proxy.
    expect(pageCacheKey(get("/es/register", { accept: "*/*" }))).toBeNull();
    expect(cacheableRequest(get("/api/v1/organizations", { accept: "*/*" }))).toEqual({ key: "/api/v1/organizations", kind: "data" });
    expect(pageCacheKey(get("/es/register", { [PAGE_FILL_HEADER]: "1" }))).toBeNull();
  });
});

describe("hashInlineScripts", () => {
  const nonce = "Q2FjaGVkUGFnZU5vbmNlMQ==";
  const rendered = [
    `<html><head><link rel="stylesheet" href="/a.css" nonce="${nonce}"/><script src="/_next/a.js" async="" nonce="${nonce}"></script></head>`,
    `<body><script nonce="${nonce}">self.__next_f.push([1,"{\\"nonce\\":\\"${nonce}\\"}"])</script>`,
    `<script nonce="${nonce}" id="_R_">boot()</script><script nonce="${nonce}">boot()</script></body></html>`,
  ].join("");

  it("removes the render's nonce everywhere and lists each distinct inline script's hash once", () => {
    const { html, scriptHashes } = hashInlineScripts(rendered, nonce);
    expect(html).not.toContain(nonce);
    expect(html).not.toMatch(/ nonce=/);
    expect(scriptHashes).toEqual([sha256('self.__next_f.push([1,"{\\"nonce\\":\\"\\"}"])'), sha256("boot()")]);
  });

  it("gives hashes the browser accepts for exactly those scripts", () => {
    const { scriptHashes } = hashInlineScripts(rendered, nonce);
    const policy = contentSecurityPolicy({ scriptHashes, https: false, development: false });
    expect(policy).toContain(`script-src 'self' ${scriptHashes.join(" ")};`);
    expect(policy).toContain("style-src 'self';");
    expect(policy).not.toMatch(/unsafe|nonce|strict-dynamic/);
  });

  it("reads the nonce of the policy the page was rendered under", () => {
    expect(getScriptNonce(`default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'nonce-${nonce}'`)).toBe(nonce);
    expect(getScriptNonce("default-src 'self'")).toBeUndefined();
    expect(getScriptNonce(null)).toBeUndefined();
  });
});

describe("preloadLinks", () => {
  it("keeps the preloads without their nonce, and drops the alternates made for the internal request", () => {
    const header = `<http://127.0.0.1:3000/es>; rel="alternate"; hreflang="es", </_next/static/media/inter.woff2>; rel=preload; as="font"; crossorigin=""; nonce="abc=="; type="font/woff2", </_next/static/chunks/a.css>; rel=preload; as="style"; nonce="abc=="`;
    expect(preloadLinks(header)).toBe(
      `</_next/static/media/inter.woff2>; rel=preload; as="font"; crossorigin=""; type="font/woff2", </_next/static/chunks/a.css>; rel=preload; as="style"`,
    );
  });
});

describe("sharedRead", () => {
  function controlledReads() {
    const pending: { resolve: (value: number) => void }[] = [];
    let started = 0;
    const read = () =>
      new Promise<number>((resolve) => {
        started += 1;
        pending.push({ resolve });
      });
    return { read, pending, started: () => started };
  }

  it("serves fifty callers with two reads: the first caller's, and one the other forty-nine share", async () => {
    const { read, pending, started } = controlledReads();
    const revision = sharedRead(read);
    const answers = Array.from({ length: 50 }, () => revision());
    pending[0]!.resolve(7);
    await new Promise((resolve) => setTimeout(resolve, 0));
    pending[1]!.resolve(8);
    expect(await Promise.all(answers)).toEqual([7, ...Array<number>(49).fill(8)]);
    expect(started()).toBe(2);
    // Once nothing runs, the next caller starts a read of its own at once.
    const later = revision();
    expect(started()).toBe(3);
    pending[2]!.resolve(9);
    expect(await later).toBe(9);
  });

  it("never answers a caller with a read that started before it called: it waits for the next", async () => {
    const { read, pending, started } = controlledReads();
    const revision = sharedRead(read);
    const early = revision();
    // A change commits now; these callers arrive after it, while the early read is still running.
    const late = [revision(), revision(), revision()];
    expect(started()).toBe(1);
    pending[0]!.resolve(1);
    expect(await early).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started()).toBe(2);
    pending[1]!.resolve(2);
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
  });

  it("passes a failed read on to its callers and reads again for the next", async () => {
    let calls = 0;
    const revision = sharedRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error("database away");
      return calls;
    });
    await expect(revision()).rejects.toThrow("database away");
    expect(await revision()).toBe(2);
  });
});
