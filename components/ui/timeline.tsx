import type { ReactNode } from "react";

export type TimelineItem = { id: string; at: Date; meta: ReactNode; title?: ReactNode; body?: ReactNode };

/** Dated entries, newest as the caller orders them, each with who/when, what happened and a message. */
export function Timeline({ items, format, testId }: { items: TimelineItem[]; format: (at: Date) => string; testId?: string }) {
  return (
    <ol className="space-y-3 border-l-2 border-brand-100 pl-4" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className="space-y-1">
          <p className="text-sm text-slate-700">
            <time dateTime={item.at.toISOString()}>{format(item.at)}</time> · {item.meta}
          </p>
          {item.title && <p className="font-medium">{item.title}</p>}
          {item.body && <div className="whitespace-pre-line">{item.body}</div>}
        </li>
      ))}
    </ol>
  );
}
