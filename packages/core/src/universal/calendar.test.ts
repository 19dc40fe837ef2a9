import { describe, expect, it } from "vitest";
import { ageOn, todayInJakarta } from "./calendar.ts";

describe("ageOn", () => {
  it("turns 17 on the birthday, not the day before", () => {
    const birth = { year: 2009, month: 11, day: 22 };
    expect(ageOn(birth, { year: 2026, month: 11, day: 21 })).toBe(16);
    expect(ageOn(birth, { year: 2026, month: 11, day: 22 })).toBe(17);
  });
  it("counts a 29 February birthday on 1 March in common years", () => {
    const birth = { year: 2008, month: 2, day: 29 };
    expect(ageOn(birth, { year: 2025, month: 2, day: 28 })).toBe(16);
    expect(ageOn(birth, { year: 2025, month: 3, day: 1 })).toBe(17);
  });
});

describe("todayInJakarta", () => {
  it("is already tomorrow after 17:00 UTC", () => {
    expect(todayInJakarta(new Date("2026-11-22T17:30:00Z"))).toEqual({ year: 2026, month: 11, day: 23 });
    expect(todayInJakarta(new Date("2026-11-22T16:59:00Z"))).toEqual({ year: 2026, month: 11, day: 22 });
  });
});
