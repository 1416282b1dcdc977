import { requirePageActor } from "@/lib/session";

export default async function ApplicantLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("application:read-own", "/applicant");
  return children;
}
