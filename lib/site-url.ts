/** The portal's public address, for absolute links in metadata, the sitemap and open data. */
export function siteUrl(): string {
  return (process.env.SITE_URL ?? process.env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
