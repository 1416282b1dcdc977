import type { ReactNode } from "react";

/** A list page's frame: its heading (with an optional action beside it), the lead, then the filters, table and pager. */
export function ListPage({ title, lead, action, children }: { title: string; lead?: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {action}
      </div>
      {lead && <p className="text-slate-700">{lead}</p>}
      {children}
    </section>
  );
}
