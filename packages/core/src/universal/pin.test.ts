import { describe, expect, it } from "vitest";
import { findPinProblem, ZSetPinRequest } from "./pin.ts";

const BIRTH = { year: 1990, month: 11, day: 2 };

describe("findPinProblem", () => {
  it.each(["12345", "1234567", "12a456", "", " 12345"])("wants exactly six digits: %j", (pin) => {
    expect(findPinProblem(pin)).toBe("PIN_FORMAT");
  });
  it.each(["123456", "111111", "000000", "654321", "890123", "098765", "121212", "112233", "454545"])("refuses the guessable %s", (pin) => {
    expect(findPinProblem(pin)).toBe("PIN_TRIVIAL");
  });
  it.each(["021190", "901102", "110290"])("refuses the birth date as %s", (pin) => {
    expect(findPinProblem(pin, BIRTH)).toBe("PIN_BIRTH_DATE");
  });
  it.each(["284519", "730164", "902211"])("accepts %s", (pin) => {
    expect(findPinProblem(pin, BIRTH)).toBeNull();
  });
});

describe("ZSetPinRequest", () => {
  it("wants the PIN twice, the same", () => {
    expect(ZSetPinRequest.safeParse({ pin: "284519", confirmation: "284519" }).success).toBe(true);
    expect(ZSetPinRequest.safeParse({ pin: "284519", confirmation: "284518" }).error?.issues[0]).toMatchObject({ message: "PIN_MISMATCH", path: ["confirmation"] });
    expect(ZSetPinRequest.safeParse({ pin: 284519, confirmation: "284519" }).error?.issues[0]?.message).toBe("PIN_FORMAT");
  });
});

describe("pinLockSeconds", () => {
  it("is free for four mistakes, then 30 s doubling", async () => {
    const { pinLockSeconds } = await import("./pin.ts");
    expect([1, 4, 5, 6, 7, 9].map(pinLockSeconds)).toEqual([0, 0, 30, 60, 120, 480]);
  });
});
