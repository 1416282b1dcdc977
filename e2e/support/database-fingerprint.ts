/**
 * What a refused call must leave unchanged, read before and after it.
 *
 * PostgreSQL (DATABASE_URL): the test opens its own connection and takes, per table, the count
 * and md5 of every row whose text mentions one of the suite's own ids or its `marker` (tests in
 * other files change their own rows at the same time; these are ours). New tables are covered
 * without a change here. Sessions, verification tokens and rate-limit counters are left out:
 * every request may touch them; so are reminders, which a scheduled run queues on its own clock.
 *
 * PGlite: the server owns the embedded database (one process per directory), so the test cannot
 * read it. It reads what the app itself shows an admin instead: the audit log export (every state
 * change writes an audit row) and the review queue export, the lines mentioning the same ids.
 */
import type { APIRequestContext } from "@playwright/test";
import postgres from "postgres";
import { APP_URL } from "./env";

const VOLATILE_TABLES = ["sessions", "verification_tokens", "rate_limits", "__drizzle_migrations"];
/**
 * Mail the suite's refused calls never cause, left out: the hourly reminder run (minute 5) may queue a due
 * reminder to the suite's people while a form is tried, and another suite's recommendation tells every
 * member state's focal point (the suite's own among them) that a consultation opened.
 */
const BROADCAST_MAIL_KINDS = ["reminder", "consultation-opened"];

export type Fingerprint = Record<string, string>;

export interface DatabaseFingerprint {
  /** Which way this run reads the state: "postgres" (row checksums) or "pglite" (the app's exports). */
  readonly method: "postgres" | "pglite";
  take(): Promise<Fingerprint>;
  close(): Promise<void>;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `marker` and `ids` as one case-insensitive pattern. */
function mentionPattern(marker: string, ids: () => string[]) {
  return () => [marker, ...ids()].map(escapeRegExp).join("|");
}

class PostgresFingerprint implements DatabaseFingerprint {
  readonly method = "postgres";
  private readonly sql: postgres.Sql;
  constructor(
    url: string,
    private readonly pattern: () => string,
  ) {
    this.sql = postgres(url, { max: 1, onnotice: () => {} });
  }

  /**
   * The allowed call just before may have queued e-mail that the worker delivers a moment later
   * (pending → sent, or a retry): wait for the suite's messages to settle, so that delivery is not read as a
   * change made by the refused calls.
   */
  private async settleOutbox(pattern: string) {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const [row] = await this.sql<{ pending: number }[]>`
        select count(*)::int as pending from email_outbox t where t.status in ('pending', 'failed') and t::text ~* ${pattern}
        and t.kind <> all(${BROADCAST_MAIL_KINDS})`;
      if (row!.pending === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async take(): Promise<Fingerprint> {
    await this.settleOutbox(this.pattern());
    const tables = await this.sql<{ name: string }[]>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> all(${VOLATILE_TABLES})
      order by table_name`;
    const fingerprint: Fingerprint = {};
    const pattern = this.pattern();
    for (const { name } of tables) {
      const [row] = await this.sql<{ rows: number; digest: string }[]>`
        select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
        from ${this.sql(name)} t where t::text ~* ${pattern}
        and (${name} <> 'email_outbox' or (to_jsonb(t) ->> 'kind') <> all(${BROADCAST_MAIL_KINDS}))`;
      fingerprint[name] = `${row!.rows}:${row!.digest}`;
    }
    return fingerprint;
  }

  async close() {
    await this.sql.end({ timeout: 5 });
  }
}

class ExportFingerprint implements DatabaseFingerprint {
  readonly method = "pglite";
  constructor(
    private readonly admin: () => APIRequestContext,
    private readonly pattern: () => string,
  ) {}

  async take(): Promise<Fingerprint> {
    const mentions = new RegExp(this.pattern(), "i");
    const fingerprint: Fingerprint = {};
    // The queue exports its open applications unless asked for all: a decided one must count too.
    for (const path of ["/api/secretariat/audit", "/api/secretariat/queue?status=all"]) {
      const response = await this.admin().get(`${APP_URL}${path}`);
      if (!response.ok()) throw new Error(`${path}: ${response.status()}`);
      const lines = (await response.text()).split("\n").filter((line) => mentions.test(line));
      fingerprint[path] = `${lines.length}:${lines.sort().join("\n")}`;
    }
    return fingerprint;
  }

  async close() {}
}

/**
 * The fingerprint for this run's database. `ids` (called on every read) are the suite's own
 * organization, application, document and user ids; `admin` is an admin's signed-in request
 * context (used on PGlite only).
 */
export function databaseFingerprint(marker: string, ids: () => string[], admin: () => APIRequestContext): DatabaseFingerprint {
  const pattern = mentionPattern(marker, ids);
  return process.env.DATABASE_URL ? new PostgresFingerprint(process.env.DATABASE_URL, pattern) : new ExportFingerprint(admin, pattern);
}
