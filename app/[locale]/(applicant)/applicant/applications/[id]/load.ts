import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getOwnApplication, type OwnApplication } from "@/db/queries/applications-own";
import { requirePageActor } from "@/lib/server/session";

/** The page's application, read once per request; another organization's id is a 404. */
export const loadOwnApplication = cache(async (id: string): Promise<OwnApplication> => {
  const actor = await requirePageActor("application:read-own", `/applicant/applications/${id}`);
  const application = await getOwnApplication(actor, id);
  if (!application) notFound();
  return application;
});
