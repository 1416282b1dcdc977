/**
 * Calling a server action directly over HTTP, as an attacker's script would: the action's id
 * from the build's manifest, the Next-Action header, and the arguments in React's reply format.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { APP_URL } from "./env";

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

/** The id Next gave `exportedName` in the action module whose path contains `fileContains`. */
export function serverActionId(exportedName: string, fileContains: string): string {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === exportedName && entry.filename?.includes(fileContains));
  if (found.length !== 1) throw new Error(`${found.length} server actions ${exportedName} in files matching ${fileContains}`);
  return found[0]![0];
}

export type ActionField = string | string[] | { name: string; mimeType: string; buffer: Buffer };

/**
 * POSTs a `useActionState` action's arguments (previous state, FormData) to `pagePath` (a field
 * given as a list is sent once per value). React
 * 19.3's reply format: the FormData's entries are "_1_<name>" fields, and they must come before
 * the root "0" (the server resolves the root as soon as it arrives), so a FormData keeps the order.
 * `formOnly` sends the FormData alone, as a plain `<form action={...}>` does.
 */
export function callServerAction(
  request: APIRequestContext,
  pagePath: string,
  actionId: string,
  fields: Record<string, ActionField | ActionField[]>,
  { formOnly = false }: { formOnly?: boolean } = {},
) {
  return request.post(`${APP_URL}${pagePath}`, {
    headers: { "Next-Action": actionId, Origin: APP_URL, Accept: "text/x-component" },
    multipart: serverActionForm(fields, { formOnly }),
    maxRedirects: 0,
  });
}

/** The body of a `useActionState` action's call, in React's reply format (see callServerAction). */
export function serverActionForm(fields: Record<string, ActionField | ActionField[]>, { formOnly = false }: { formOnly?: boolean } = {}): FormData {
  const multipart = new FormData();
  for (const [name, values] of Object.entries(fields)) {
    for (const value of [values].flat(2)) {
      if (typeof value === "string") multipart.append(`_1_${name}`, value);
      else multipart.append(`_1_${name}`, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
    }
  }
  multipart.append("0", JSON.stringify(formOnly ? ["$K1"] : [{ status: "idle" }, "$K1"]));
  return multipart;
}

/** POSTs an action called with plain arguments (no FormData), e.g. `rememberLocaleAction("pt")`. */
export function callServerActionWithArguments(request: APIRequestContext, pagePath: string, actionId: string, args: unknown[]) {
  return request.post(`${APP_URL}${pagePath}`, {
    headers: { "Next-Action": actionId, Origin: APP_URL, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}
