import { exportConfirmedDelegates } from "@/db/queries/delegates-staff";
import { csvResponse, toCsv } from "@/lib/csv";
import { translator } from "@/lib/i18n/messages";
import { handleExport } from "@/lib/server/secretariat-export";

export const dynamic = "force-dynamic";

/** A meeting's confirmed delegates, one row each, for printing badges (staff only). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return handleExport(request, async (actor, _params, locale) => {
    const result = await exportConfirmedDelegates(actor, id);
    if (!result) return new Response("not found", { status: 404 });
    const t = translator(locale, "DelegatesStaff.csvHeaders");
    const tCountry = translator(locale, "Country");
    const tStaff = translator(locale, "DelegatesStaff");
    const header = [t("name"), t("email"), t("organization"), t("onBehalfOf"), t("country"), t("role"), t("nationality"), t("accessibility"), t("visa")];
    const rows = result.delegates.map((delegate) => [
      delegate.name,
      delegate.email,
      delegate.organizationName,
      delegate.memberOrganizationName,
      tCountry((delegate.organizationCountry ?? "regional") as "AR"),
      delegate.roleInOrganization,
      delegate.nationality,
      delegate.accessibilityNeeds,
      delegate.needsVisaLetter ? tStaff("yes") : tStaff("no"),
    ]);
    return csvResponse(toCsv(header, rows), `delegates-${result.meeting.number.replace(/[^A-Za-z0-9-]/g, "")}.csv`);
  });
}
