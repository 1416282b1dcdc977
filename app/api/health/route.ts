import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { deadDeliveryCount } from "@/db/queries/deliveries";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    const { db, driver } = await getDatabase();
    await db.execute(sql`select 1`);
    const latencyMs = Math.round(performance.now() - started);
    // Dead e-mail is a warning for whoever watches the portal, not a reason to take it out of service.
    const dead = await deadDeliveryCount();
    const mail = dead > 0 ? { status: "warning", dead } : { status: "ok", dead };
    return Response.json({
      status: "ok",
      database: { status: "ok", driver, latencyMs },
      mail,
      ...(dead > 0 ? { warnings: [`${dead} dead e-mail deliveries`] } : {}),
    });
  } catch {
    return Response.json({ status: "error", database: { status: "unreachable" } }, { status: 503 });
  }
}
