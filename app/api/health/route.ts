import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    const { db, driver } = await getDatabase();
    await db.execute(sql`select 1`);
    const latencyMs = Math.round(performance.now() - started);
    return Response.json({ status: "ok", database: { status: "ok", driver, latencyMs } });
  } catch {
    return Response.json({ status: "error", database: { status: "unreachable" } }, { status: 503 });
  }
}
