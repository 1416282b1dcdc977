/** The address an erased account keeps: unique, reserved (.invalid never resolves), and no one's. */
export function erasedEmailOf(userId: string): string {
  return `erased-${userId}@erased.invalid`;
}

type Person = { name: string | null; email: string; erased?: boolean };

/** How a person who acted appears in a kept record: their name, else their address, else "former member". */
export function personLabel(person: Person, formerMember: string): string {
  const erased = person.erased ?? person.email.endsWith("@erased.invalid");
  return erased ? formerMember : (person.name ?? person.email);
}

/** An audit entry whose actor erased their account reads "former member" where their name stood. */
export function withFormerMember<T extends { actor: { erased: boolean } | null; actorName: string | null }>(entry: T, formerMember: string): T {
  return entry.actor?.erased ? { ...entry, actorName: formerMember } : entry;
}
