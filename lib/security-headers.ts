/**
 * The headers that depend on the request or the deployment, set by the proxy on every page:
 * a Content-Security-Policy with a fresh nonce (Next puts it on its own scripts) and, when the
 * portal is served over HTTPS, HSTS. The fixed ones (nosniff, Referrer-Policy, …) are in
 * next.config.js, so static files and API routes get them too.
 */

/**
 * A page rendered for this request carries a fresh nonce; a page served from the page cache
 * (lib/server/page-cache) lists the hashes of its inline scripts instead, since its HTML is shared.
 */
export type PageSecurityOptions = ({ nonce: string } | { scriptHashes: string[] }) & { https: boolean; development: boolean };

function scriptAndStyleSources(options: PageSecurityOptions): [string, string] {
  // The cached page's own scripts are same-origin files and the hashed inline ones: no
  // 'strict-dynamic', which would require a hash for every <script src> too.
  if ("scriptHashes" in options) return [`script-src 'self' ${options.scriptHashes.join(" ")}`.trim(), "style-src 'self'"];
  const { nonce, development } = options;
  return [
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks) are trusted, nothing else.
    // React's development build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // The dev server injects styles without a nonce; a nonce would switch 'unsafe-inline' off.
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
  ];
}

export function contentSecurityPolicy(options: PageSecurityOptions): string {
  const directives = [
    "default-src 'self'",
    ...scriptAndStyleSources(options),
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The secretariat previews uploaded PDFs from /api/documents in a frame.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Two years, subdomains included: the value the HSTS preload list asks for. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  const headers: Record<string, string> = { "Content-Security-Policy": contentSecurityPolicy(options) };
  if (options.https) headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
  return headers;
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
