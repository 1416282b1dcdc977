import { ApplicationAge } from "@/components/secretariat/application-age";
import { StatusBadge } from "@/components/ui/status-badge";
import type { WorkItem } from "@/db/queries/dashboard";
import { Link } from "@/components/ui/link";

/** A short list of applications linking to their review pages, each with how long it has waited. */
export function WorkList({ title, empty, items, id, now }: { title: string; empty: string; items: WorkItem[]; id: string; now: Date }) {
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
                <ApplicationAge submittedAt={item.submittedAt} now={now} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
