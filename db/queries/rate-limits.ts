import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "../client";

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a fixed window, atomically in the database so that
 * every app instance shares the same counter. Inside a transaction (`tx`) the hit is undone
 * with it, and the counter's row stays locked until it ends: concurrent hits queue.
 */
export async function hitRateLimit(key: string, limit: number, windowSeconds: number, tx?: Transaction): Promise<RateLimitResult> {
  const db = tx ?? (await getDb());
  const window = `${windowSeconds} seconds`;
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= now() - ${window}::interval then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= now() - ${window}::interval then now() else rate_limits.window_start end
    returning count, ceil(extract(epoch from (window_start + ${window}::interval - now())))::int as retry_after
  `);
  const [row] = rowsOf<{ count: number; retry_after: number }>(result);
  const count = Number(row?.count ?? 1);
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(0, Number(row?.retry_after ?? windowSeconds)),
  };
}
