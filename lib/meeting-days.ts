const DAY_MS = 24 * 60 * 60 * 1000;
/** No meeting of the CSM lasts longer; a mistyped end date does not make a list of years. */
const MAX_DAYS = 14;

/** The days (YYYY-MM-DD) from the first to the last day of a meeting; its first day alone when it has no end. */
export function meetingDays(startsOn: string | null, endsOn: string | null): string[] {
  if (!startsOn) return [];
  const first = Date.parse(`${startsOn}T00:00:00Z`);
  const last = endsOn ? Date.parse(`${endsOn}T00:00:00Z`) : first;
  const days: string[] = [];
  for (let time = first; time <= last && days.length < MAX_DAYS; time += DAY_MS) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}
