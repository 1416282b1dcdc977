import { getTranslations } from "next-intl/server";
import type { ProfileChangeView } from "@/db/queries/profile-changes";
import { ProfileChangeTable } from "./profile-change-table";

/** On the member's home: what waits for the secretariat, or why it was not published. */
export async function OwnProfileChange({ change }: { change: ProfileChangeView | undefined }) {
  if (!change || (change.status !== "pending" && change.status !== "refused")) return null;
  const t = await getTranslations("OwnProfileChange");
  const pending = change.status === "pending";
  const title = pending ? t("pendingTitle") : t("refusedTitle");
  return (
    <section aria-label={title} className={`space-y-2 rounded-md border p-3 ${pending ? "border-amber-300 bg-amber-50" : "border-red-300 bg-red-50"}`}>
      <h3 className="font-semibold">{title}</h3>
      <p>{pending ? t("pendingBody") : t("refusedBody")}</p>
      {!pending && change.message && <blockquote className="border-l-4 border-red-300 pl-3 whitespace-pre-wrap">{change.message}</blockquote>}
      <ProfileChangeTable change={change} caption={title} />
    </section>
  );
}
