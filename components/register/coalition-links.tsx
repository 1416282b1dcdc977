import { getTranslations } from "next-intl/server";
import type { PublicCoalitionLink } from "@/db/queries/public-register";
import { Link } from "@/components/ui/link";

/** Organizations of a coalition (or the coalitions of a member): linked when they are in the register. */
export async function CoalitionLinks({ title, links }: { title: string; links: PublicCoalitionLink[] }) {
  const tCountry = await getTranslations("Country");
  return (
    <div className="space-y-1">
      <h3 className="font-semibold">{title}</h3>
      <ul className="list-disc space-y-1 pl-6">
        {links.map((link, index) => (
          <li key={`${link.name}-${index}`}>
            {link.slug ? (
              <Link href={`/register/${link.slug}`} className="text-brand-700 underline">
                {link.name}
              </Link>
            ) : (
              link.name
            )}
            <span className="text-slate-600"> · {tCountry(link.country ?? "regional")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
