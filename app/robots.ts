import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { publicOrigin } from "@/lib/env";

/** Read at request time so the address comes from the running instance's settings, not the build machine's. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/api/auth/", "/*/applicant", "/*/secretariat", "/*/sign-in", "/*/mailbox"],
    },
    sitemap: `${publicOrigin()}/sitemap.xml`,
  };
}
