const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days elapsed since `since` (never negative): how long an application has been waiting. */
export function daysSince(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
}
