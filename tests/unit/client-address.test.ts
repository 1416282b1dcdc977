import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/client-address";

const request = (forwarded: string | null, peer = "198.51.100.7") => {
  const headers = new Headers({ [PEER_ADDRESS_HEADER]: peer });
  if (forwarded !== null) headers.set("x-forwarded-for", forwarded);
  return headers;
};

describe("the client address used by rate limits", () => {
  it("with no trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("203.0.113.1"), 0)).toBe("198.51.100.7");
    expect(clientAddress(request(null), 0)).toBe("198.51.100.7");
  });

  it("behind one proxy that appends, is the rightmost entry, not one the client prepended", () => {
    // nginx's $proxy_add_x_forwarded_for: the client's own header, then the address nginx saw.
    expect(clientAddress(request("6.6.6.6, 7.7.7.7, 203.0.113.1", "10.0.0.2"), 1)).toBe("203.0.113.1");
    expect(clientAddress(request("203.0.113.1", "10.0.0.2"), 1)).toBe("203.0.113.1");
  });

  it("behind two proxies, skips the one the first proxy appended", () => {
    expect(clientAddress(request("6.6.6.6, 203.0.113.1, 10.0.0.1", "10.0.0.2"), 2)).toBe("203.0.113.1");
  });

  it("a chain shorter than the trusted hops falls back to its leftmost entry", () => {
    expect(clientAddress(request(null, "10.0.0.2"), 3)).toBe("10.0.0.2");
    expect(clientAddress(request(" , ", "10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("a forged peer header is never read from the client: without the recorder the address is unknown", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1" }), 0)).toBe("unknown");
  });
});
