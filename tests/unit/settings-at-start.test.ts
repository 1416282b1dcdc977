import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

const PRODUCTION = {
  AUTH_SECRET: "k3Jx0b9C2vWq8yTz5Lm1Np4Rs7Uv0Xa3Bc6De9Fg2Hi=",
  AUTH_URL: "https://csm.example.org",
  DATABASE_URL: "postgres://csm:secret@127.0.0.1:1/csm",
  SMTP_URL: "smtps://mailer:secret@smtp.example.org:465",
};

/**
 * The server's start (instrumentation.ts register(), as `next start` runs it) in a process of its
 * own, in production. Migrations and workers are off so a good configuration starts and ends
 * without a database.
 */
function startServer(settings: Record<string, string | undefined>, entry = "tests/support/start-server.ts") {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", entry], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEXT_RUNTIME: "nodejs",
      NODE_ENV: "production",
      SKIP_MIGRATIONS: "true",
      JOBS_IN_APP: "false",
      ...settings,
    },
  });
  return { status: result.status, lines: result.stderr.split("\n").filter(Boolean) };
}

describe("the production server at start", { timeout: 60_000 }, () => {
  it("starts with every required setting", () => {
    const { status, lines } = startServer(PRODUCTION);
    expect(lines).toEqual([]);
    expect(status).toBe(0);
  });

  it.each(["AUTH_SECRET", "AUTH_URL", "DATABASE_URL", "SMTP_URL"])("stops without %s, saying so in one line", (name) => {
    const { status, lines } = startServer({ ...PRODUCTION, [name]: undefined });
    expect(status).not.toBe(0);
    expect(lines.filter((line) => line.startsWith("[settings] ") && !line.includes("did not start"))).toEqual([
      expect.stringMatching(new RegExp(`^\\[settings\\] ${name} is required in production: .+`)),
    ]);
  });

  it("stops on a malformed setting", () => {
    const { status, lines } = startServer({ ...PRODUCTION, AUTH_URL: "csm.example.org" });
    expect(status).not.toBe(0);
    expect(lines[0]).toMatch(/^\[settings\] AUTH_URL must be the portal's public address/);
  });

  it("stops `npm run worker` the same way", () => {
    const { status, lines } = startServer({ ...PRODUCTION, SMTP_URL: undefined }, "scripts/worker.ts");
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^\[settings\] SMTP_URL is required in production: /);
    expect(lines[1]).toBe('[settings] npm run worker did not start: fix the settings above (README, "Configuration").');
  });

  it("runs on the embedded database and the demo mailbox only when told to", () => {
    const demo = { ...PRODUCTION, DATABASE_URL: undefined, SMTP_URL: undefined, EMBEDDED_DATABASE: "true", MAILBOX_ENABLED: "true" };
    expect(startServer(demo).status).toBe(0);
  });
});
