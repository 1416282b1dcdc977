import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const PERMISSIONS_DENIED = "microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Build once, ship the same .next/ to every instance. A deployment that builds per machine gives
  // every build the same id (e.g. the git commit), so instances agree on which build a page came from.
  generateBuildId: async () => process.env.NEXT_BUILD_ID || null,
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "pg"],
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: "12mb" },
    // The proxy buffers request bodies (10 MB by default): uploads up to the 10 MB limit plus
    // form overhead must reach the action whole, so an oversize file gets a clear message.
    proxyClientMaxBodySize: "12mb",
  },
  poweredByHeader: false,
  // Fixed headers for every response, static files and API routes included. The page's
  // Content-Security-Policy (with its per-request nonce) and HSTS come from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      // The meeting's entrance page reads badges with the camera; every other page may not use it.
      {
        source: "/:path((?!.*/check-in$).*)",
        headers: [{ key: "Permissions-Policy", value: `camera=(), ${PERMISSIONS_DENIED}` }],
      },
      {
        source: "/:locale/secretariat/meetings/:id/check-in",
        headers: [{ key: "Permissions-Policy", value: `camera=(self), ${PERMISSIONS_DENIED}` }],
      },
      // Headers add up rather than replace: the documents route sends its own framing rules
      // (the secretariat previews PDFs in a frame of the portal's own pages).
      {
        source: "/:path((?!api/documents/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // API responses are data, never a page: nothing may run in or frame them.
        source: "/api/:path((?!documents/).*)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
