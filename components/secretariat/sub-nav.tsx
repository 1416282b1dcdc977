"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "@/lib/i18n/navigation";

export type SubNavItem = { href: string; label: string };

/** The secretariat's own navigation; the current section is marked for screen readers too. */
export function SubNav({ label, items }: { label: string; items: SubNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200 pb-2">
      <ul className="flex flex-wrap gap-1 text-sm">
        {items.map((item) => {
          const current = item.href === "/secretariat" ? pathname === item.href : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className="block rounded px-3 py-1.5 text-brand-800 hover:bg-brand-50 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
