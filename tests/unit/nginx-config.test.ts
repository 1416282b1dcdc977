import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mainConfig, parseAccessLog, siteConfig } from "@/e2e/support/nginx-config";
import { MAX_DOCUMENT_BYTES } from "@/lib/file-type";
import { MAX_BODY_BYTES } from "@/lib/request-guard";

const shipped = readFileSync(new URL("../../deploy/nginx.conf", import.meta.url), "utf8");
const megabytes = (text: string) => Number(/^\s*client_max_body_size (\d+)m;/m.exec(text)?.[1]);

describe("deploy/nginx.conf", () => {
  it("lets the largest body the app accepts through, so uploads up to the 10 MB limit reach it", () => {
    expect(megabytes(shipped) * 1024 * 1024).toBe(MAX_BODY_BYTES);
    expect(MAX_BODY_BYTES).toBeGreaterThan(MAX_DOCUMENT_BYTES);
  });

  it("replaces X-Forwarded-For with the address it saw instead of appending to it", () => {
    expect(shipped).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;$/m);
    expect(shipped).not.toContain("$proxy_add_x_forwarded_for");
  });

  it("becomes the test suite's configuration with only its instances, port and directories changed", () => {
    const site = siteConfig(shipped, { instances: ["127.0.0.1:4001", "127.0.0.1:4002"], port: 4000, dir: "/tmp/nginx-run" });
    expect(site.match(/^\s*server 127\.0\.0\.1:\d+ .*;$/gm)).toEqual([
      "    server 127.0.0.1:4001 max_fails=1 fail_timeout=10s;",
      "    server 127.0.0.1:4002 max_fails=1 fail_timeout=10s;",
    ]);
    expect(site).toContain("listen 127.0.0.1:4000;");
    expect(site).toContain("proxy_cache_path /tmp/nginx-run/cache ");
    expect(site.replace(/^.*(server 127|listen|proxy_cache_path).*$/gm, "")).toBe(shipped.replace(/^.*(server 127|listen|proxy_cache_path).*$/gm, ""));
    expect(() => siteConfig(shipped.replace("listen 80;", "listen 8080;"), { instances: [], port: 1, dir: "/x" })).toThrow(/listen 80/);
    expect(mainConfig("/tmp/nginx-run", "/tmp/nginx-run/site.conf", "x-e2e-test")).toContain('"$http_x_e2e_test"');
    expect(parseAccessLog('POST /es/sign-in 303 127.0.0.1:4001 127.0.0.2 "t1"\n')).toEqual([
      { method: "POST", uri: "/es/sign-in", status: 303, upstream: "127.0.0.1:4001", client: "127.0.0.2", tag: "t1" },
    ]);
  });
});
