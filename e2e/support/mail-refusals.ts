import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MAIL_DIR } from "./env";

/** The capture server refuses every message to an address while this file exists. */
export function refusalFile(address: string): string {
  return path.join(MAIL_DIR, "refused", encodeURIComponent(address.toLowerCase()));
}

export function refuseMailTo(address: string): void {
  mkdirSync(path.dirname(refusalFile(address)), { recursive: true });
  writeFileSync(refusalFile(address), "");
}

export function acceptMailTo(address: string): void {
  rmSync(refusalFile(address), { force: true });
}
