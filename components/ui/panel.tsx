import type { ReactNode } from "react";

/** A titled box of a page (a region named by its heading). */
export function Panel({ id, title, children, tone = "plain" }: { id: string; title: string; children: ReactNode; tone?: "plain" | "notice" | "success" }) {
  const tones = { plain: "border-slate-200", notice: "border-amber-400 bg-amber-50", success: "border-green-300 bg-green-50" };
  return (
    <section aria-labelledby={id} className={`space-y-3 rounded-lg border p-4 ${tones[tone]}`}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
