import { getTranslations } from "next-intl/server";
import type { DelegateStatus } from "@/lib/domain";

const TONE: Record<DelegateStatus, string> = {
  nominated: "bg-brand-50 text-brand-800",
  confirmed: "bg-green-50 text-green-800",
  declined: "bg-red-50 text-red-800",
  withdrawn: "bg-slate-100 text-slate-700",
};

export async function DelegateStatusBadge({ status }: { status: DelegateStatus }) {
  const t = await getTranslations("DelegateStatus");
  return <span className={`rounded-full px-2 py-0.5 text-sm font-medium ${TONE[status]}`}>{t(status)}</span>;
}
