import type { Executor } from "@/db/client";

/** What pg-boss needs from a database: its `db` option (see the README, "Jobs"). */
export type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

type PostgresJsClient = {
  unsafe(text: string, values?: unknown[]): Promise<unknown[]> & { simple(): Promise<unknown> };
  reserve?(): Promise<PostgresJsClient & { release(): void }>;
};

/** pg-boss's schema changes run BEGIN … COMMIT as one text: postgres.js allows that only on a reserved connection. */
async function runScript(client: PostgresJsClient, text: string): Promise<unknown> {
  if (!client.reserve) return client.unsafe(text).simple();
  const reserved = await client.reserve();
  try {
    return await reserved.unsafe(text).simple();
  } finally {
    reserved.release();
  }
}
type PgliteClient = {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  exec(text: string): Promise<{ rows: Record<string, unknown>[] }[]>;
};

/** pg-boss hands job data as objects: both drivers get it as JSON text, the way node-postgres would. */
function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value)) return JSON.stringify(value);
  return value;
}

/**
 * Adapts a Drizzle database or transaction (postgres.js or PGlite) to pg-boss. Given a
 * transaction, pg-boss's statements run inside it, so a job sent this way commits or rolls
 * back with the caller's change. Statements without parameters may be several at once
 * (pg-boss's own schema changes), so they go through each driver's simple protocol.
 */
export function bossDb(executor: Executor): BossDb {
  const client = (executor as unknown as { session: { client: PostgresJsClient | PgliteClient } }).session.client;
  if ("unsafe" in client) {
    return {
      async executeSql(text, values) {
        if (!values || values.length === 0) {
          const result = await runScript(client, text);
          const last = Array.isArray(result) && Array.isArray(result.at(-1)) ? result.at(-1) : result;
          return { rows: (Array.isArray(last) ? last : []) as Record<string, unknown>[] };
        }
        return { rows: (await client.unsafe(text, values.map(parameter))) as Record<string, unknown>[] };
      },
    };
  }
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return { rows: (await client.query(text, values.map(parameter))).rows };
    },
  };
}
