import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicMeeting } from "@/db/queries/public-register";

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

export async function MeetingList({ meetings }: { meetings: PublicMeeting[] }) {
  const [t, tCountry, format] = await Promise.all([getTranslations("RegisterOrganization"), getTranslations("Country"), getFormatter()]);
  return (
    <ul className="list-disc space-y-1 pl-6">
      {meetings.map((meeting) => (
        <li key={meeting.number}>
          <span className="font-medium">{t("meeting", { number: meeting.number })}</span> —{" "}
          {[meeting.city, tCountry(meeting.hostCountry)].filter(Boolean).join(", ")}
          {meeting.startsOn && <> ({format.dateTimeRange(noon(meeting.startsOn), noon(meeting.endsOn ?? meeting.startsOn), { dateStyle: "long" })})</>}
        </li>
      ))}
    </ul>
  );
}
