/**
 * Meetings an organization is tied to, split by today's date: one it took part in has begun and
 * its delegation was recorded at the entrance; one still ahead (or without dates) is one it is
 * accredited for. A past meeting it did not attend is in neither.
 */
export function pastAndUpcoming<T extends { startsOn: string | null; attended: boolean }>(meetings: readonly T[], today: string): { past: T[]; upcoming: T[] } {
  const started = (meeting: T) => meeting.startsOn !== null && meeting.startsOn <= today;
  return { past: meetings.filter((meeting) => started(meeting) && meeting.attended), upcoming: meetings.filter((meeting) => !started(meeting)) };
}

/** Today as YYYY-MM-DD (UTC), the form meeting dates are stored in. */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
