import { describe, expect, it } from "vitest";
import { isoToday, pastAndUpcoming } from "@/lib/meeting-timing";

describe("pastAndUpcoming", () => {
  const meetings = [
    { number: "XXIV", startsOn: null, attended: false },
    { number: "XXIII", startsOn: "2027-03-04", attended: false },
    { number: "XXII", startsOn: "2026-12-05", attended: true },
    { number: "XXI", startsOn: "2023-12-05", attended: true },
    { number: "XX", startsOn: "2022-11-20", attended: false },
  ];

  it("lists a begun meeting as taken part in only when the delegation was recorded there, and one ahead or undated as upcoming", () => {
    const { past, upcoming } = pastAndUpcoming(meetings, "2026-12-05");
    expect(past.map((m) => m.number)).toEqual(["XXII", "XXI"]);
    expect(upcoming.map((m) => m.number)).toEqual(["XXIV", "XXIII"]);
  });

  it("reads today in UTC, as meeting dates are stored", () => {
    expect(isoToday(new Date("2026-12-05T23:30:00-05:00"))).toBe("2026-12-06");
  });
});
