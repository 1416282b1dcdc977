import { sql } from "drizzle-orm";
import { beforeAll, expect } from "vitest";
import { AppError } from "@/lib/errors";
import { type TestDatabase, useTestDatabase } from "../support/test-db";

function repeatCount(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 20;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`RACE_REPEAT must be a whole number above 0, not "${value}"`);
  return count;
}

/** How many times each race runs: RACE_REPEAT, else 20 (what `npm run test:unit` and CI run). */
export const RACE_REPEAT = repeatCount(process.env.RACE_REPEAT);

/** A race test's time limit: generous per round, for a loaded two-core machine. */
export const RACE_TIMEOUT = 30_000 + RACE_REPEAT * 3_000;

/**
 * The file's own database, with the pool's connections opened beforehand (PostgreSQL), so that
 * the attempts of a race run on separate connections from the first round on.
 */
export function useRaceDatabase(): () => TestDatabase {
  const testDb = useTestDatabase();
  beforeAll(async () => {
    const { db } = testDb();
    await Promise.all(Array.from({ length: 10 }, () => db.execute(sql`select pg_sleep(0.01)`)));
  });
  return testDb;
}

/**
 * Runs `round` `times` times, one after another. Each round returns a label for the attempt that
 * won (or the outcome); when RACE_REPEAT is given, the tally and the time taken are printed (the
 * figures of docs/reliability/races.md). A failure names its round.
 */
export async function repeat(times: number, round: (index: number) => Promise<string>): Promise<void> {
  const tally = new Map<string, number>();
  const started = performance.now();
  for (let index = 0; index < times; index++) {
    let label: string;
    try {
      label = await round(index);
    } catch (error) {
      if (error instanceof Error) error.message = `round ${index + 1} of ${times}: ${error.message}`;
      throw error;
    }
    tally.set(label, (tally.get(label) ?? 0) + 1);
  }
  if (process.env.RACE_REPEAT === undefined) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const outcomes = [...tally].map(([label, count]) => `${label} ${count}`).join(", ");
  console.info(`[races] ${expect.getState().currentTestName}: ${times} rounds in ${seconds} s; ${outcomes}`);
}

export type RaceOutcome<T> = {
  won: { index: number; value: T }[];
  lost: { index: number; reason: unknown }[];
};

/** Waits for attempts started together (in the same tick) and sorts them into successes and refusals, by position. */
export async function race<T>(attempts: Promise<T>[]): Promise<RaceOutcome<T>> {
  const settled = await Promise.allSettled(attempts);
  const outcome: RaceOutcome<T> = { won: [], lost: [] };
  settled.forEach((result, index) => {
    if (result.status === "fulfilled") outcome.won.push({ index, value: result.value });
    else outcome.lost.push({ index, reason: result.reason });
  });
  return outcome;
}

/**
 * Why each losing attempt was refused: the specific reason of a delegate or meeting refusal,
 * else the AppError's code. Anything else (a crash, a unique violation leaking out) is shown
 * as its message, so that the assertion on the refusals fails and says what happened.
 */
export function refusals(outcome: RaceOutcome<unknown>): string[] {
  return outcome.lost.map(({ reason }) => {
    if (reason instanceof AppError) {
      const specific = (reason as AppError & { reason?: unknown }).reason;
      return typeof specific === "string" ? specific : reason.code;
    }
    return `unexpected: ${reason instanceof Error ? reason.message : String(reason)}`;
  });
}

/** The one winner of a race that must have exactly one. */
export function soleWinner<T>(outcome: RaceOutcome<T>): { index: number; value: T } {
  expect(outcome.won, `successes (refusals: ${refusals(outcome).join(", ")})`).toHaveLength(1);
  return outcome.won[0]!;
}

/** The pair in the order given on even rounds and reversed on odd ones, so that each side is also launched first. */
export function alternate<T>(round: number, pair: readonly [T, T]): [T, T] {
  return round % 2 === 0 ? [pair[0], pair[1]] : [pair[1], pair[0]];
}
