import { z } from "zod";

/**
 * Every environment variable the portal reads, in one place. Read on each call, never kept:
 * scripts and tests set variables before (or between) uses. `settingProblems()` is what the
 * server and the worker check at start (instrumentation.ts, scripts/worker.ts).
 */

type Source = Record<string, string | undefined>;

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: 'must be "true" or "false"' })
    .optional()
    .transform((value) => (value === undefined ? fallback : value === "true" || value === "1"));

const whole = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d+$/, { error: "must be a whole number" })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    )
    .optional()
    .transform((value) => value ?? fallback);

const urlWith = (protocols: string[], example: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { error: `must be a URL like ${example}` },
  );

/** The public address is an origin: links are built by appending paths to it. */
const publicAddress = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return ["http:", "https:"].includes(url.protocol) && url.pathname === "/" && !url.search && !url.hash;
    } catch {
      return false;
    }
  },
  { error: "must be the portal's public address, scheme and host only, e.g. https://csm.example.org" },
);

/** Next decrypts server-action ids with it (AES-GCM): a base64 key of 128, 192 or 256 bits. */
const actionsKey = z.string().refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, "base64").length), {
  error: "must be 32 random bytes in base64, e.g. `openssl rand -base64 32`",
});

const settingsSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  DATABASE_URL: urlWith(["postgres:", "postgresql:"], "postgres://user:password@host:5432/database").optional(),
  EMBEDDED_DATABASE: flag(false),
  PGLITE_DIR: z.string().default("./.data/pglite"),
  DATABASE_POOL_SIZE: whole(10, 1),
  AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters, e.g. `openssl rand -base64 32`" }).optional(),
  AUTH_URL: publicAddress.optional(),
  SMTP_URL: urlWith(["smtp:", "smtps:"], "smtps://user:password@smtp.example.org:465").optional(),
  MAIL_FROM: z.string().default("CSM <no-reply@csm.localhost>"),
  MAILBOX_ENABLED: flag(false),
  JOBS_IN_APP: flag(true),
  JOBS_POLL_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).min(0.5, { error: "must be at least 0.5" }).default(1),
  MAIL_RETRY_LIMIT: whole(8),
  MAIL_RETRY_DELAY_SECONDS: whole(30, 1),
  SIGN_IN_LIMIT_PER_EMAIL: whole(5, 1),
  SIGN_IN_LIMIT_PER_ADDRESS: whole(30, 1),
  SIGN_IN_CODE_LIMIT_PER_ADDRESS: whole(30, 1),
  TRUSTED_PROXY_HOPS: whole(0, 0, 10),
  INVITATION_LIMIT_PER_MEMBER: whole(10, 1),
  INVITATION_LIMIT_PER_ORGANIZATION: whole(30, 1),
  DELEGATE_DATA_RETENTION_DAYS: whole(90, 0, 3650),
  PRIVACY_CONTACT_EMAIL: z.email({ error: "must be an e-mail address" }).optional(),
  SKIP_MIGRATIONS: flag(false),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be one of fatal, error, warn, info, debug, trace, silent" })
    .default("info"),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export const SETTING_NAMES = Object.keys(settingsSchema.shape) as (keyof Settings)[];

/** An empty variable counts as unset, as a deployment's `FOO=` usually means. */
function present(source: Source): Source {
  return Object.fromEntries(SETTING_NAMES.map((name) => [name, source[name] === "" ? undefined : source[name]]));
}

function parse(source: Source) {
  return settingsSchema.safeParse(present(source));
}

function describe(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.join(".")} ${issue.message}.`);
}

let last: { source: Source; values: string; settings: Settings } | null = null;

/**
 * The validated settings; throws one line per malformed setting. Read on every request (several
 * times), so the last result is kept while the same variables hold the same values.
 */
export function env(source: Source = process.env): Settings {
  const values = SETTING_NAMES.map((name) => source[name] ?? "").join("\0");
  if (last && last.source === source && last.values === values) return last.settings;
  const parsed = parse(source);
  if (!parsed.success) throw new Error(`Invalid settings:\n${describe(parsed.error.issues).join("\n")}`);
  last = { source, values, settings: Object.freeze(parsed.data) };
  return last.settings;
}

export const isProduction = (source: Source = process.env) => source.NODE_ENV === "production";

const REQUIRED_IN_PRODUCTION: { name: keyof Settings; unless?: keyof Settings; why: string }[] = [
  { name: "AUTH_SECRET", why: "32 random bytes that sign sessions and sign-in codes, e.g. `openssl rand -base64 32`" },
  { name: "AUTH_URL", why: "the portal's public address, e.g. https://csm.example.org" },
  {
    name: "DATABASE_URL",
    unless: "EMBEDDED_DATABASE",
    why: "the PostgreSQL database, e.g. postgres://user:password@host:5432/csm (EMBEDDED_DATABASE=true runs the demo's embedded database instead)",
  },
  {
    name: "SMTP_URL",
    unless: "MAILBOX_ENABLED",
    why: "the mail server that sends sign-in links, e.g. smtps://user:password@smtp.example.org:465",
  },
];

/**
 * What stops the server at start, one line per problem: every malformed setting and, in
 * production, every required one that is missing. Empty when all is well.
 */
export function settingProblems(source: Source = process.env): string[] {
  const given = present(source);
  const parsed = parse(source);
  const problems = parsed.success ? [] : describe(parsed.error.issues);
  if (!isProduction(source)) return problems;
  const flags = parsed.success ? parsed.data : null;
  for (const { name, unless, why } of REQUIRED_IN_PRODUCTION) {
    if (given[name] !== undefined) continue;
    if (unless && (flags ? flags[unless] : given[unless] === "true" || given[unless] === "1")) continue;
    problems.push(`${name} is required in production: ${why}.`);
  }
  return problems;
}

const DEVELOPMENT_ADDRESS = "http://localhost:3000";

/**
 * The portal's public address, the one rule for every absolute link (e-mails, sitemap, canonical
 * links, open data): AUTH_URL, never the request's Host header. Unset only in development and
 * during `next build` (the production server refuses to start without it).
 */
export function publicOrigin(source: Source = process.env): string {
  const url = env(source).AUTH_URL;
  return url ? new URL(url).origin : DEVELOPMENT_ADDRESS;
}

/**
 * This server's own address, for requests it makes to itself (the page cache renders a page by
 * asking for it): the port `next start` listens on, which it sets in PORT; null when unknown.
 */
export function ownOrigin(source: Source = process.env): string | null {
  return source.PORT ? `http://127.0.0.1:${source.PORT}` : null;
}

/** An absolute link into the portal. */
export const portalUrl = (path: string, source: Source = process.env) => `${publicOrigin(source)}${path}`;

/**
 * "Production" for transport security: the public address is HTTPS (HSTS, Secure cookies,
 * upgrade-insecure-requests). Unset AUTH_URL (development) is plain HTTP.
 */
export function servedOverHttps(source: Source = process.env): boolean {
  return env(source).AUTH_URL?.toLowerCase().startsWith("https://") ?? false;
}

/** The demo mailbox page (it shows sign-in links): always in development, in production only when asked. */
export function isMailboxEnabled(source: Source = process.env): boolean {
  return !isProduction(source) || env(source).MAILBOX_ENABLED;
}

/** Signs sign-in tokens and codes; development has a fixed stand-in, production refuses to start without one. */
export function authSecret(source: Source = process.env): string {
  const secret = env(source).AUTH_SECRET;
  if (secret) return secret;
  if (isProduction(source)) throw new Error("AUTH_SECRET is required in production.");
  return "csm-development-secret";
}
