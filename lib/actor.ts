import type { Locale, Role } from "./domain";
import { AppError } from "./errors";
import { can, type Operation } from "./permissions";

/** Who is asking: the only identity the data layer accepts. */
export type Actor = {
  id: string;
  email: string;
  name?: string | null;
  role: Role;
  locale: Locale | null;
  /** A focal point's member state; null for everyone else. */
  stateCountry?: string | null;
};

export function assertCan(actor: Actor | null | undefined, operation: Operation): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated");
  if (!can(actor.role, operation)) throw new AppError("forbidden", `${actor.role} may not ${operation}`);
}
