/**
 * Proves the Content-Security-Policy works, not only that it is sent: every
 * `securitypolicyviolation` event in any page or frame of the test's browser context is
 * reported back to the test, which fails at its end if there was one (a blocked script or
 * style would otherwise show only as a page that quietly does less).
 */
import type { BrowserContext } from "@playwright/test";

export type CspViolation = { page: string; directive: string; blocked: string; source: string };

declare global {
  interface Window {
    __reportCspViolation?: (violation: Omit<CspViolation, "page">) => void;
  }
}

export async function watchCspViolations(context: BrowserContext): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await context.exposeBinding("__reportCspViolation", ({ frame }, violation: Omit<CspViolation, "page">) => {
    violations.push({ page: frame.url(), ...violation });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__reportCspViolation?.({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  return violations;
}

export function cspReport(violations: CspViolation[]): string {
  return violations.map(({ page, directive, blocked, source }) => `- ${directive} blocked ${blocked || "(inline)"} on ${page} (from ${source})`).join("\n");
}
