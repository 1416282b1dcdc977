import { describe, expect, it } from "vitest";
import { isoToday, pastAndUpcoming } from "@/lib/meeting-timing";

describe("pastAndUpcoming", () => {
  const meetings = [
    { number: "XXIV", startsOn: null },
    { number: "XXIII", startsOn: "2027-03-04" },
    { number: "XXII", startsOn: "2026-12-05" },
    { number: "XXI", startsOn: "2023-12-05" },
  ];

  it("counts a meeting as attended from the day it begins, and one ahead or undated as upcoming", () => {
    const { past, upcoming } = pastAndUpcoming(meetings, "2026-12-05");
    expect(past.map((m) => m.number)).toEqual(["XXII", "XXI"]);
    expect(upcoming.map((m) => m.number)).toEqual(["XXIV", "XXIII"]);
  });

  it("reads today in UTC, as meeting dates are stored", () => {
    expect(isoToday(new Date("2026-12-05T23:30:00-05:00"))).toBe("2026-12-06");
  });
});
