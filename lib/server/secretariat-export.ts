import "server-only";
import { AppError } from "@/lib/errors";
import { toLocale } from "@/lib/i18n/messages";
import { getActor } from "./session";
import type { Actor } from "@/lib/actor";
import type { Locale } from "@/lib/domain";

/**
 * Runs an export for the signed-in user: 401 without a session, 403 when the data layer
 * refuses, the CSV otherwise. The language of the column headers comes from `?locale=`.
 */
export async function handleExport(
  request: Request,
  build: (actor: Actor | null, params: URLSearchParams, locale: Locale) => Promise<Response>,
): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const actor = await getActor();
  try {
    return await build(actor, params, toLocale(params.get("locale")));
  } catch (error) {
    if (error instanceof AppError && (error.code === "unauthenticated" || error.code === "forbidden")) {
      return new Response(error.code, { status: error.code === "unauthenticated" ? 401 : 403 });
    }
    throw error;
  }
}

export function exportFileName(prefix: string): string {
  return `${prefix}-${new Date().toISOString().slice(0, 10)}.csv`;
}
