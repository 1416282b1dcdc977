/**
 * The two-instance suite's nginx, started and stopped by Playwright like the app's servers
 * (playwright.two-instances.config.ts): deploy/nginx.conf in front of both instances, on
 * PROXY_PORT, in the foreground. Its files live in PROXY_DIR, removed when it stops.
 * scripts/test-two-instances.sh installs Debian's nginx when it is missing.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { APP_PORT, PROXY_DIR, PROXY_PORT, PROXY_TAG_HEADER, SECOND_APP_PORT } from "./env";
import { mainConfig, siteConfig } from "./nginx-config";

function nginxBinary(): string {
  const onPath = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  const found = onPath || ["/usr/sbin/nginx", "/usr/local/sbin/nginx"].find((file) => existsSync(file));
  if (!found) {
    console.error("[nginx] nginx is not installed: `apt-get install nginx` (scripts/test-two-instances.sh does it as root).");
    process.exit(1);
  }
  return found;
}

const binary = nginxBinary();
rmSync(PROXY_DIR, { recursive: true, force: true });
mkdirSync(PROXY_DIR, { recursive: true });
// nginx's workers run as an unprivileged user when it is started as root: they must reach the directory.
chmodSync(PROXY_DIR, 0o755);
const siteFile = path.join(PROXY_DIR, "csm-portal.conf");
const template = readFileSync(path.join(process.cwd(), "deploy", "nginx.conf"), "utf8");
writeFileSync(siteFile, siteConfig(template, { instances: [`127.0.0.1:${APP_PORT}`, `127.0.0.1:${SECOND_APP_PORT}`], port: PROXY_PORT, dir: PROXY_DIR }));
const configFile = path.join(PROXY_DIR, "nginx.conf");
writeFileSync(configFile, mainConfig(PROXY_DIR, siteFile, PROXY_TAG_HEADER));

const args = ["-p", PROXY_DIR, "-c", configFile, "-e", "stderr"];
const check = spawnSync(binary, [...args, "-t", "-q"], { encoding: "utf8" });
if (check.status !== 0) {
  console.error(`[nginx] the generated configuration (${configFile}) is refused:\n${check.stderr}`);
  process.exit(1);
}
console.log(`[nginx] http://localhost:${PROXY_PORT} → 127.0.0.1:${APP_PORT}, 127.0.0.1:${SECOND_APP_PORT}`);
const nginx = spawn(binary, [...args, "-g", "daemon off;"], { stdio: "inherit" });

const cleanUp = () => rmSync(PROXY_DIR, { recursive: true, force: true });
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopping = true;
    // SIGTERM is nginx's fast shutdown.
    if (nginx.exitCode === null && nginx.signalCode === null) nginx.kill("SIGTERM");
  });
}
nginx.on("exit", (code, signal) => {
  cleanUp();
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
});
