import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The real production server (`next start`, this run's build) with one required setting missing:
 * it stops at once, naming the setting in one line, with a non-zero exit. Port 0: nothing is served.
 */
const COMPLETE = {
  AUTH_SECRET: "k3Jx0b9C2vWq8yTz5Lm1Np4Rs7Uv0Xa3Bc6De9Fg2Hi=",
  AUTH_URL: "https://csm.example.org",
  DATABASE_URL: "postgres://csm:secret@127.0.0.1:1/csm",
  SMTP_URL: "smtps://mailer:secret@smtp.example.org:465",
};

function nextStart(settings: Record<string, string | undefined>): Promise<{ code: number | null; lines: string[] }> {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", "0"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...settings },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, lines: stderr.split("\n").filter((line) => line.startsWith("[settings] ")) });
    }),
  );
}

for (const name of Object.keys(COMPLETE)) {
  test(`next start stops without ${name}`, async () => {
    const { code, lines } = await nextStart({ ...COMPLETE, [name]: undefined });
    expect(code).toBe(1);
    expect(lines[0]).toMatch(new RegExp(`^\\[settings\\] ${name} is required in production: `));
    expect(lines).toHaveLength(2);
  });
}
