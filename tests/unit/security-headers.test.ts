import { describe, expect, it } from "vitest";
import { servedOverHttps } from "@/lib/env";
import { contentSecurityPolicy, createNonce, pageSecurityHeaders, STRICT_TRANSPORT_SECURITY } from "@/lib/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

describe("servedOverHttps", () => {
  it("follows the public address the portal announces (AUTH_URL)", () => {
    expect(servedOverHttps({ AUTH_URL: "https://csm.example.org" })).toBe(true);
    expect(servedOverHttps({ AUTH_URL: "HTTPS://csm.example.org" })).toBe(true);
    expect(servedOverHttps({ AUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
  });
});

describe("pageSecurityHeaders", () => {
  it("over HTTPS in production: nonce-only scripts and styles, no framing, HSTS, upgrade-insecure-requests", () => {
    const headers = pageSecurityHeaders({ nonce: "abc123==", https: true, development: false });
    expect(headers["Strict-Transport-Security"]).toBe(STRICT_TRANSPORT_SECURITY);
    expect(STRICT_TRANSPORT_SECURITY).toBe("max-age=63072000; includeSubDomains");
    const policy = directives(headers["Content-Security-Policy"]!);
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'nonce-abc123=='");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("base-uri")).toBe("base-uri 'self'");
    expect(policy.get("form-action")).toBe("form-action 'self'");
    expect(policy.get("upgrade-insecure-requests")).toBe("upgrade-insecure-requests");
    expect(headers["Content-Security-Policy"]).not.toContain("unsafe");
  });

  it("over plain HTTP (the local e2e server): the same policy, without HSTS or upgrading requests", () => {
    const headers = pageSecurityHeaders({ nonce: "n", https: false, development: false });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(headers["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    expect(directives(headers["Content-Security-Policy"]!).get("script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic'");
  });

  it("on the dev server only: eval for React's debugging and inline styles for injected CSS", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", https: false, development: true }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
