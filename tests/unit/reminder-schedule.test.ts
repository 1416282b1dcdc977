import { describe, expect, it } from "vitest";
import { dueDaysBefore, isoWeek, reminderScheduleSchema } from "@/lib/reminder-schedule";

const DAY = 24 * 60 * 60 * 1000;

describe("reminder schedule", () => {
  const deadline = new Date("2031-06-30T23:59:59.999-05:00");
  const before = (days: number) => new Date(deadline.getTime() - days * DAY);

  it("is due from its day on, the nearest due reminder only, never after the deadline", () => {
    expect(dueDaysBefore(deadline, [7, 1], before(8))).toBeNull();
    expect(dueDaysBefore(deadline, [7, 1], before(7))).toBe(7);
    expect(dueDaysBefore(deadline, [7, 1], before(3))).toBe(7);
    expect(dueDaysBefore(deadline, [7, 1], before(0.5))).toBe(1);
    expect(dueDaysBefore(deadline, [7, 1], deadline)).toBeNull();
    expect(dueDaysBefore(deadline, [], before(1))).toBeNull();
  });

  it("names ISO weeks", () => {
    expect(isoWeek(new Date("2026-12-05T12:00:00Z"))).toBe("2026-W49");
    expect(isoWeek(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2024-12-30T00:00:00Z"))).toBe("2025-W01");
  });

  it("reads typed days and refuses what is not a schedule", () => {
    const valid = { draftReminderDays: "1, 7 3", infoRequestReminderDays: "7", nominationReminderDays: "", reviewerReminderDays: "5" };
    expect(reminderScheduleSchema.parse(valid)).toEqual({
      draftReminderDays: [7, 3, 1],
      infoRequestReminderDays: 7,
      nominationReminderDays: [],
      reviewerReminderDays: 5,
    });
    expect(reminderScheduleSchema.parse({ ...valid, draftReminderDays: [1, 7] }).draftReminderDays).toEqual([7, 1]);
    const message = (input: Record<string, unknown>) => reminderScheduleSchema.safeParse({ ...valid, ...input }).error?.issues[0]?.message;
    expect(message({ draftReminderDays: "7, 7" })).toBe("ReminderValidation.repeated");
    expect(message({ draftReminderDays: "1,2,3,4,5,6" })).toBe("ReminderValidation.tooMany");
    expect(message({ draftReminderDays: "seven" })).toBe("ReminderValidation.dayList");
    expect(message({ nominationReminderDays: "0" })).toBe("ReminderValidation.dayList");
    expect(message({ reviewerReminderDays: "" })).toBe("ReminderValidation.days");
    expect(message({ infoRequestReminderDays: "1e1" })).toBe("ReminderValidation.days");
  });
});
