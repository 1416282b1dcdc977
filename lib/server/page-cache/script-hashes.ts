import { createHash } from "node:crypto";

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const NONCE_ATTRIBUTE = /\snonce="[^"]*"/g;

export type HashedPage = { html: string; scriptHashes: string[] };

/**
 * A rendered page made fit to serve to many visitors: the nonce of the request that rendered it
 * is removed (it would be public, and stays valid nowhere), and each inline script's SHA-256 is
 * listed for the Content-Security-Policy, so exactly these scripts run and nothing injected does.
 * The browser hashes a script's text as it stands in the HTML, which is what is hashed here.
 */
export function hashInlineScripts(renderedHtml: string, renderNonce: string | undefined): HashedPage {
  // React's payload names the nonce too (for the stylesheets and scripts it adds later).
  const withoutNonce = renderNonce ? renderedHtml.split(renderNonce).join("") : renderedHtml;
  const html = withoutNonce.replace(/<(script|link|style)\b[^>]*>/gi, (tag) => tag.replace(NONCE_ATTRIBUTE, ""));
  const scriptHashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc=/i.test(attributes!) || !body) continue;
    scriptHashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return { html, scriptHashes: [...scriptHashes] };
}

/**
 * The rendered page's Link header without the render's nonce, and without the alternate-language
 * links next-intl made for the internal request (the proxy adds the visitor's own).
 */
export function preloadLinks(linkHeader: string): string {
  return linkHeader
    .split(/,\s*(?=<)/)
    .filter((link) => !/rel="?alternate/.test(link))
    .map((link) => link.replace(/;\s*nonce="[^"]*"/g, ""))
    .join(", ");
}

/** The nonce a rendered page's policy allowed, which Next wrote on its scripts. */
export function getScriptNonce(policy: string | null): string | undefined {
  return policy?.match(/script-src[^;]*'nonce-([^']+)'/)?.[1];
}
