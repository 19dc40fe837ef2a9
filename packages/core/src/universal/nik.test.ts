import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CalendarDate, compareDates, isValidCalendarDate } from "./calendar.ts";
import { AppError } from "./errors.ts";
import { findNikProblem, formatNik, groupNikDigits, parseNik, ZNik } from "./nik.ts";
import { isKnownDistrictCode } from "./wilayah/district-code.ts";

const TODAY: CalendarDate = { year: 2026, month: 11, day: 22 };
// 64.72.05 is Kecamatan Samarinda Utara, Kota Samarinda.
const SAMARINDA_UTARA = "647205";

describe("groupNikDigits", () => {
  it("keeps 16 digits at most, in groups of four, dropping what people type between them", () => {
    expect(groupNikDigits("6472051708850001")).toBe("6472 0517 0885 0001");
    expect(groupNikDigits("6472.0517-0885 00019")).toBe("6472 0517 0885 0001");
    expect(groupNikDigits("64720")).toBe("6472 0");
    expect(groupNikDigits("abc")).toBe("");
  });
});

describe("parseNik", () => {
  it("reads district, sex, birth date and serial of a man", () => {
    expect(parseNik("6472051708450001", TODAY)).toEqual({
      nik: "6472051708450001",
      districtCode: SAMARINDA_UTARA,
      sex: "LAKI_LAKI",
      birthDate: { year: 1945, month: 8, day: 17 },
      serial: 1,
    });
  });

  it("reads day + 40 as a woman's birthday", () => {
    const parsed = parseNik("6472054504010123", TODAY);
    expect(parsed.sex).toBe("PEREMPUAN");
    expect(parsed.birthDate).toEqual({ year: 2001, month: 4, day: 5 });
  });

  it("accepts the spaces and dashes people type between groups", () => {
    expect(parseNik("6472 0517 0845 0001", TODAY).nik).toBe("6472051708450001");
    expect(parseNik("647205-170845-0001", TODAY).nik).toBe("6472051708450001");
  });

  it("never places a birth in the future: 26 is 2026 only up to today", () => {
    expect(parseNik("6472052111260001", TODAY).birthDate.year).toBe(2026);
    expect(parseNik("6472052311260001", TODAY).birthDate.year).toBe(1926);
  });

  it("throws an AppError naming the field", () => {
    const error = (() => {
      try {
        parseNik("123", TODAY);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NIK_WRONG_LENGTH", field: "nik", status: 400 });
  });
});

describe("findNikProblem gives one specific reason", () => {
  it.each([
    ["", "NIK_REQUIRED"],
    ["   ", "NIK_REQUIRED"],
    ["64720517084500O1", "NIK_NOT_DIGITS"],
    ["647205170845001", "NIK_WRONG_LENGTH"],
    ["64720517084500011", "NIK_WRONG_LENGTH"],
    ["9999991708450001", "NIK_UNKNOWN_DISTRICT"],
    ["6472053002900001", "NIK_IMPOSSIBLE_DATE"], // 30 February
    ["6472057102900001", "NIK_IMPOSSIBLE_DATE"], // day 71 = 31 for a woman, in February
    ["6472053201900001", "NIK_IMPOSSIBLE_DATE"], // day 32
    ["6472050013900001", "NIK_IMPOSSIBLE_DATE"], // day 00, month 13
    ["6472051708450000", "NIK_ZERO_SERIAL"],
    ["6472051708450001", null],
  ])("%s -> %s", (nik, expected) => {
    expect(findNikProblem(nik, TODAY)).toBe(expected);
  });

  it("accepts 29 February only in leap years", () => {
    expect(findNikProblem("6472052902000001", TODAY)).toBeNull();
    expect(findNikProblem("6472052902010001", TODAY)).toBe("NIK_IMPOSSIBLE_DATE");
  });
});

describe("ZNik", () => {
  it("normalises a valid NIK", () => {
    expect(ZNik.parse(" 6472 0517 0845 0001 ")).toBe("6472051708450001");
  });
  it("carries the specific problem as the issue message", () => {
    const result = ZNik.safeParse("12");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("NIK_WRONG_LENGTH");
  });
});

describe("properties", () => {
  const districts = ["110101", SAMARINDA_UTARA, "137101", "317101", "947101"].filter(isKnownDistrictCode);
  const birth = fc
    .record({ year: fc.integer({ min: 1927, max: 2026 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter((d) => isValidCalendarDate(d) && compareDates(d, TODAY) <= 0);
  const parts = fc.record({
    districtCode: fc.constantFrom(...districts),
    sex: fc.constantFrom("LAKI_LAKI" as const, "PEREMPUAN" as const),
    birthDate: birth,
    serial: fc.integer({ min: 1, max: 9999 }),
  });

  it("formatNik then parseNik gives the same parts back", () => {
    fc.assert(
      fc.property(parts, (p) => {
        const { nik, ...parsed } = parseNik(formatNik(p), TODAY);
        expect(nik).toHaveLength(16);
        expect(parsed).toEqual(p);
      }),
    );
  });

  it("any string is either valid or has exactly one named problem, and never throws otherwise", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{14,18}$/)), (input) => {
        const problem = findNikProblem(input, TODAY);
        if (problem === null) expect(() => parseNik(input, TODAY)).not.toThrow();
        else expect(() => parseNik(input, TODAY)).toThrow(AppError);
      }),
    );
  });

  it("changing any digit of a valid NIK's date never yields a future birth date", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 6, max: 11 }), fc.integer({ min: 0, max: 9 }), (p, index, digit) => {
        const nik = formatNik(p);
        const mutated = nik.slice(0, index) + digit + nik.slice(index + 1);
        if (findNikProblem(mutated, TODAY) === null) {
          expect(compareDates(parseNik(mutated, TODAY).birthDate, TODAY)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });
});
