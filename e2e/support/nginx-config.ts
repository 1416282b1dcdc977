/**
 * deploy/nginx.conf made into a configuration the test suite can run: the shipped file with this
 * run's instances, port and cache directory, inside a main configuration of its own (pid, temp
 * directories and access log in one directory, no system paths). Every replaced line must be
 * found, so a change to the shipped file cannot silently leave the suite testing something else.
 */
import path from "node:path";

export type ProxySetup = { instances: string[]; port: number; dir: string };

function replaceExactly(text: string, pattern: RegExp, expected: number, replace: (match: string, ...groups: string[]) => string): string {
  const found = text.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`))?.length ?? 0;
  if (found !== expected) throw new Error(`deploy/nginx.conf: expected ${expected} line(s) matching ${pattern}, found ${found}`);
  return text.replace(pattern, replace);
}

/** The shipped site configuration with the run's instances, port and cache directory. */
export function siteConfig(template: string, { instances, port, dir }: ProxySetup): string {
  const upstreamLine = /^(\s*)server 127\.0\.0\.1:\d+( [^;\n]*)?;\n/gm;
  const lines = template.match(upstreamLine)?.length ?? 0;
  if (lines < 1) throw new Error("deploy/nginx.conf: no `server 127.0.0.1:PORT …;` line in the upstream");
  let first = true;
  let site = template.replace(upstreamLine, (_match, indent: string, options = "") => {
    if (!first) return "";
    first = false;
    return instances.map((instance) => `${indent}server ${instance}${options};\n`).join("");
  });
  site = replaceExactly(site, /^(\s*)listen 80;$/m, 1, (_match, indent) => `${indent}listen 127.0.0.1:${port};`);
  site = replaceExactly(site, /proxy_cache_path \S+ /, 1, () => `proxy_cache_path ${path.join(dir, "cache")} `);
  return site;
}

/** The main configuration: one worker (round robin then alternates strictly), everything under `dir`. */
export function mainConfig(dir: string, siteFile: string, tagHeader: string): string {
  const variable = `$http_${tagHeader.toLowerCase().replace(/-/g, "_")}`;
  return `worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log stderr warn;
events { worker_connections 512; }
http {
    log_format e2e '$request_method $request_uri $status $upstream_addr $remote_addr "${variable}"';
    access_log ${path.join(dir, "access.log")} e2e;
    client_body_temp_path ${path.join(dir, "client_body")};
    proxy_temp_path ${path.join(dir, "proxy")};
    fastcgi_temp_path ${path.join(dir, "fastcgi")};
    uwsgi_temp_path ${path.join(dir, "uwsgi")};
    scgi_temp_path ${path.join(dir, "scgi")};
    include ${siteFile};
}
`;
}

export type AccessLogEntry = { method: string; uri: string; status: number; upstream: string; client: string; tag: string };

export function parseAccessLog(text: string): AccessLogEntry[] {
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [method = "", uri = "", status = "", upstream = "", client = "", tag = ""] = line.split(" ");
      return { method, uri, status: Number(status), upstream, client, tag: tag.replace(/^"|"$/g, "") };
    });
}
