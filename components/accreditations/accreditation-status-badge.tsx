import { getTranslations } from "next-intl/server";
import type { AccreditationStatus } from "@/lib/domain";

const TONE: Record<AccreditationStatus, string> = {
  active: "bg-green-50 text-green-800 border-green-300",
  suspended: "bg-red-50 text-red-800 border-red-300",
  revoked: "bg-slate-100 text-slate-800 border-slate-400",
};

export async function AccreditationStatusBadge({ status }: { status: AccreditationStatus }) {
  const t = await getTranslations("AccreditedOrganizations");
  return <span className={`rounded-full border px-2 py-0.5 text-sm font-medium ${TONE[status]}`}>{t(`statusLabel.${status}`)}</span>;
}
