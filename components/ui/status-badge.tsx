import { getTranslations } from "next-intl/server";
import type { ApplicationStatus } from "@/lib/domain";

export async function StatusBadge({ status }: { status: ApplicationStatus }) {
  const t = await getTranslations("Status");
  return <span className="rounded-full bg-brand-50 px-2 py-0.5 text-sm font-medium text-brand-800">{t(status)}</span>;
}
