import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";

/** A page's top: the way back (GOV.UK's back link, above the heading), the heading and an optional lead paragraph. */
export function PageHeader({ back, title, lead }: { back?: { href: string; label: string }; title: ReactNode; lead?: ReactNode }) {
  return (
    <>
      {back && (
        <p>
          <Link href={back.href} className="inline-flex min-h-11 items-center text-brand-800 underline">
            {back.label}
          </Link>
        </p>
      )}
      <h1 className="text-2xl font-semibold break-words">{title}</h1>
      {lead && <p className="max-w-3xl text-slate-700">{lead}</p>}
    </>
  );
}
