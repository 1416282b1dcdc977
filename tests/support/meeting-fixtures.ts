/** A valid edition in 2031, as the meeting form sends it; each test changes the fields it is about. */
export function editionFields(overrides: Record<string, string | number> = {}) {
  return {
    number: "XXX",
    hostCountry: "UY",
    city: "Montevideo",
    startsOn: "2031-11-10",
    endsOn: "2031-11-11",
    applicationOpensOn: "2031-03-01",
    applicationClosesOn: "2031-06-30",
    nominationDeadlineOn: "2031-10-01",
    participantQuota: "3",
    observerQuota: "2",
    ...overrides,
  };
}
