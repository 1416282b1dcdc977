import { requirePageActor } from "@/lib/session";

export default async function SecretariatLayout({ children }: { children: React.ReactNode }) {
  await requirePageActor("secretariat:access", "/secretariat");
  return children;
}
