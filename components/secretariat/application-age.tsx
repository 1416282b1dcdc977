import { getFormatter, getTranslations } from "next-intl/server";
import { daysSince } from "@/lib/application-age";

/** How long an application has waited since it was submitted, e.g. "Waiting 12 days", with the date on hover. */
export async function ApplicationAge({ submittedAt, now }: { submittedAt: Date | null; now: Date }) {
  if (!submittedAt) return null;
  const [t, format] = await Promise.all([getTranslations("Queue"), getFormatter()]);
  return (
    <time dateTime={submittedAt.toISOString()} title={format.dateTime(submittedAt, { dateStyle: "long" })} data-testid="application-age">
      {t("age", { days: daysSince(submittedAt, now) })}
    </time>
  );
}
