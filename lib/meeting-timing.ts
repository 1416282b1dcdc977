/**
 * Meetings an organization is tied to, split by today's date: a meeting counts as one it took part
 * in once it has begun; one still ahead (or without dates) is one it is accredited for.
 */
export function pastAndUpcoming<T extends { startsOn: string | null }>(meetings: readonly T[], today: string): { past: T[]; upcoming: T[] } {
  const started = (meeting: T) => meeting.startsOn !== null && meeting.startsOn <= today;
  return { past: meetings.filter(started), upcoming: meetings.filter((meeting) => !started(meeting)) };
}

/** Today as YYYY-MM-DD (UTC), the form meeting dates are stored in. */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
