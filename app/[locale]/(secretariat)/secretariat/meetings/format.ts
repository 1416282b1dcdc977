import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A meeting's days (date columns): read at noon UTC so no time zone moves them to another day. */
export function meetingDays(format: Formatter, meeting: { startsOn: string | null; endsOn: string | null }): string | null {
  if (!meeting.startsOn) return null;
  const noon = (day: string) => new Date(`${day}T12:00:00Z`);
  return format.dateTimeRange(noon(meeting.startsOn), noon(meeting.endsOn ?? meeting.startsOn), { dateStyle: "long", timeZone: "UTC" });
}
