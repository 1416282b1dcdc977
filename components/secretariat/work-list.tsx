import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import type { WorkItem } from "@/db/queries/dashboard";
import { Link } from "@/lib/i18n/navigation";

/** A short list of applications linking to their review pages. */
export async function WorkList({ title, empty, items, id }: { title: string; empty: string; items: WorkItem[]; id: string }) {
  const [t, format] = await Promise.all([getTranslations("Secretariat"), getFormatter()]);
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <Link href={`/secretariat/applications/${item.id}`} className="font-medium text-brand-800 underline">
                {item.legalName}
                {item.acronym ? ` (${item.acronym})` : ""}
              </Link>
              <span className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <StatusBadge status={item.status} />
                <span>
                  {t("lastChange")}: {format.dateTime(item.updatedAt, { dateStyle: "medium" })}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
