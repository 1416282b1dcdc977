import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env, isMailboxEnabled, portalUrl, publicOrigin, servedOverHttps, settingProblems } from "@/lib/env";

const PRODUCTION = {
  NODE_ENV: "production",
  AUTH_SECRET: "k3Jx0b9C2vWq8yTz5Lm1Np4Rs7Uv0Xa3Bc6De9Fg2Hi=",
  AUTH_URL: "https://csm.example.org",
  DATABASE_URL: "postgres://csm:secret@db.internal:5432/csm",
  SMTP_URL: "smtps://mailer:secret@smtp.example.org:465",
};

describe("settings", () => {
  it("gives every optional setting its documented default", () => {
    expect(env({})).toMatchObject({
      PGLITE_DIR: "./.data/pglite",
      DATABASE_POOL_SIZE: 10,
      EMBEDDED_DATABASE: false,
      MAIL_FROM: "CSM <no-reply@csm.localhost>",
      MAILBOX_ENABLED: false,
      JOBS_IN_APP: true,
      JOBS_POLL_SECONDS: 1,
      MAIL_RETRY_LIMIT: 8,
      MAIL_RETRY_DELAY_SECONDS: 30,
      SIGN_IN_LIMIT_PER_EMAIL: 5,
      SIGN_IN_LIMIT_PER_ADDRESS: 30,
      SIGN_IN_CODE_LIMIT_PER_ADDRESS: 30,
      TRUSTED_PROXY_HOPS: 0,
      INVITATION_LIMIT_PER_MEMBER: 10,
      INVITATION_LIMIT_PER_ORGANIZATION: 30,
      DELEGATE_DATA_RETENTION_DAYS: 90,
      SKIP_MIGRATIONS: false,
      LOG_LEVEL: "info",
    });
  });

  it("treats an empty variable as unset", () => {
    expect(env({ DATABASE_POOL_SIZE: "", AUTH_URL: "" })).toMatchObject({ DATABASE_POOL_SIZE: 10, AUTH_URL: undefined });
  });

  it("reads a variable's new value, though the settings are kept between calls", () => {
    const source: Record<string, string | undefined> = { DATABASE_POOL_SIZE: "4" };
    const first = env(source);
    expect(env(source)).toBe(first);
    source.DATABASE_POOL_SIZE = "6";
    expect(env(source).DATABASE_POOL_SIZE).toBe(6);
    expect(() => ((env(source) as { DATABASE_POOL_SIZE: number }).DATABASE_POOL_SIZE = 1)).toThrow(TypeError);
  });

  it("reads flags and numbers", () => {
    expect(env({ JOBS_IN_APP: "false", MAILBOX_ENABLED: "1", JOBS_POLL_SECONDS: "0.5", TRUSTED_PROXY_HOPS: "2" })).toMatchObject({
      JOBS_IN_APP: false,
      MAILBOX_ENABLED: true,
      JOBS_POLL_SECONDS: 0.5,
      TRUSTED_PROXY_HOPS: 2,
    });
  });

  it.each([
    ["DATABASE_URL", "mysql://db/csm", "DATABASE_URL must be a URL like postgres://"],
    ["DATABASE_URL", "db.internal:5432", "DATABASE_URL must be a URL like postgres://"],
    ["AUTH_URL", "csm.example.org", "AUTH_URL must be the portal's public address"],
    ["AUTH_URL", "https://csm.example.org/api/auth", "AUTH_URL must be the portal's public address"],
    ["AUTH_SECRET", "short", "AUTH_SECRET must be at least 32 characters"],
    ["SMTP_URL", "smtp.example.org:465", "SMTP_URL must be a URL like smtps://"],
    ["MAILBOX_ENABLED", "yes", 'MAILBOX_ENABLED must be "true" or "false"'],
    ["JOBS_IN_APP", "off", 'JOBS_IN_APP must be "true" or "false"'],
    ["JOBS_POLL_SECONDS", "0.1", "JOBS_POLL_SECONDS must be at least 0.5"],
    ["JOBS_POLL_SECONDS", "often", "JOBS_POLL_SECONDS must be a number of seconds"],
    ["DATABASE_POOL_SIZE", "0", "DATABASE_POOL_SIZE must be at least 1"],
    ["SIGN_IN_LIMIT_PER_EMAIL", "five", "SIGN_IN_LIMIT_PER_EMAIL must be a whole number"],
    ["TRUSTED_PROXY_HOPS", "-1", "TRUSTED_PROXY_HOPS must be a whole number"],
    ["DELEGATE_DATA_RETENTION_DAYS", "100000", "DELEGATE_DATA_RETENTION_DAYS must be at most 3650"],
    ["PRIVACY_CONTACT_EMAIL", "call us", "PRIVACY_CONTACT_EMAIL must be an e-mail address"],
    ["LOG_LEVEL", "loud", "LOG_LEVEL must be one of"],
    ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", "not-a-key", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 32 random bytes in base64"],
  ])("refuses %s=%s with one clear line", (name, value, line) => {
    expect(() => env({ [name]: value })).toThrow(line);
    const problems = settingProblems({ ...PRODUCTION, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(line);
  });

  it("accepts a complete production configuration", () => {
    expect(settingProblems(PRODUCTION)).toEqual([]);
    expect(settingProblems({ ...PRODUCTION, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") })).toEqual([]);
  });

  it("requires nothing outside production", () => {
    expect(settingProblems({})).toEqual([]);
    expect(settingProblems({ NODE_ENV: "development" })).toEqual([]);
  });

  it.each(["AUTH_SECRET", "AUTH_URL", "DATABASE_URL", "SMTP_URL"])("requires %s in production", (name) => {
    const problems = settingProblems({ ...PRODUCTION, [name]: undefined });
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${name} is required in production: `))]);
  });

  it("lists every missing setting, one line each", () => {
    expect(settingProblems({ NODE_ENV: "production" })).toHaveLength(4);
  });

  it("runs production on the embedded database and without SMTP only when told to", () => {
    const demo = { ...PRODUCTION, DATABASE_URL: undefined, SMTP_URL: undefined };
    expect(settingProblems(demo)).toHaveLength(2);
    expect(settingProblems({ ...demo, EMBEDDED_DATABASE: "true", MAILBOX_ENABLED: "true" })).toEqual([]);
    expect(settingProblems({ ...demo, EMBEDDED_DATABASE: "false", MAILBOX_ENABLED: "false" })).toHaveLength(2);
  });
});

describe("the public address", () => {
  it("is AUTH_URL's origin, else localhost in development", () => {
    expect(publicOrigin({ AUTH_URL: "https://csm.example.org/" })).toBe("https://csm.example.org");
    expect(portalUrl("/es/applicant", { AUTH_URL: "https://csm.example.org" })).toBe("https://csm.example.org/es/applicant");
    expect(publicOrigin({})).toBe("http://localhost:3000");
  });

  it("means HTTPS exactly when AUTH_URL is https", () => {
    expect(servedOverHttps({ AUTH_URL: "https://csm.example.org" })).toBe(true);
    expect(servedOverHttps({ AUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(servedOverHttps({})).toBe(false);
  });

  it("shows the demo mailbox in production only when enabled", () => {
    expect(isMailboxEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(isMailboxEnabled({ NODE_ENV: "production", MAILBOX_ENABLED: "true" })).toBe(true);
    expect(isMailboxEnabled({ NODE_ENV: "development" })).toBe(true);
  });
});

describe("lib/env.ts", () => {
  const root = path.resolve(__dirname, "../..");
  const sources = (entry: string): string[] => {
    const full = path.join(root, entry);
    if (!statSync(full).isDirectory()) return [entry];
    return readdirSync(full).flatMap((name) => sources(path.join(entry, name)));
  };

  it("is the only app module that reads the environment", () => {
    const readers = ["app", "components", "lib", "db", "proxy.ts", "instrumentation.ts", "next.config.js"]
      .flatMap(sources)
      .filter((file) => /\.(ts|tsx|js)$/.test(file) && file !== path.join("lib", "env.ts"))
      .flatMap((file) =>
        readFileSync(path.join(root, file), "utf8")
          .split("\n")
          // NEXT_RUNTIME is Next's build-time constant and NEXT_BUILD_ID a build's id (next.config.js): neither is read at run time.
          .filter((line) => /process\.env/.test(line) && !/process\.env\.(NEXT_RUNTIME|NEXT_BUILD_ID)\b/.test(line))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(readers).toEqual([]);
  });
});
