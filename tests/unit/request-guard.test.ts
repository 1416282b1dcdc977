import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "@/lib/request-guard";

const post = (headers: Record<string, string>) => isSameOriginPost(new Headers(headers));

describe("isSameOriginPost", () => {
  it("accepts the portal's own pages, directly or behind a proxy that names the host it was sent to", () => {
    expect(post({ origin: "http://localhost:3000", host: "localhost:3000" })).toBe(true);
    expect(post({ origin: "https://portal.example", host: "127.0.0.1:3000", "x-forwarded-host": "portal.example, internal" })).toBe(true);
  });

  it("refuses another site, an opaque origin, no origin, and an origin that is not an address", () => {
    expect(post({ origin: "https://evil.example", host: "portal.example" })).toBe(false);
    expect(post({ origin: "https://portal.example", host: "portal.example", "x-forwarded-host": "evil.example" })).toBe(false);
    expect(post({ origin: "null", host: "portal.example" })).toBe(false);
    expect(post({ host: "portal.example" })).toBe(false);
    expect(post({ origin: "portal.example", host: "portal.example" })).toBe(false);
  });
});
