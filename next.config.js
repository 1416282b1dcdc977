import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: "12mb" },
    // The proxy buffers request bodies (10 MB by default): uploads up to the 10 MB limit plus
    // form overhead must reach the action whole, so an oversize file gets a clear message.
    proxyClientMaxBodySize: "12mb",
  },
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
