import { z } from "zod";
import { type CalendarDate, compareDates, isValidCalendarDate, todayInJakarta } from "./calendar.ts";
import { AppError, type ErrorCode } from "./errors.ts";
import { isKnownDistrictCode } from "./wilayah/district-code.ts";

// A NIK is 16 digits: PPKKCC (the kecamatan where it was issued) + DDMMYY (date of birth, day + 40
// for women) + SSSS (a serial, unique within the kecamatan and the date, starting at 0001).

export type Sex = "LAKI_LAKI" | "PEREMPUAN";

export interface ParsedNik {
  nik: string;
  districtCode: string;
  sex: Sex;
  birthDate: CalendarDate;
  serial: number;
}

export type NikProblem = Extract<ErrorCode, "NIK_REQUIRED" | "NIK_NOT_DIGITS" | "NIK_WRONG_LENGTH" | "NIK_UNKNOWN_DISTRICT" | "NIK_IMPOSSIBLE_DATE" | "NIK_ZERO_SERIAL">;

/** People type NIKs with spaces, dots or dashes in groups; those are not part of the number. */
export function normalizeNik(input: string): string {
  return input.replace(/[\s.-]/g, "");
}

/** The first reason `input` cannot be a NIK, or null when it can. */
/**
 * What the NIK field shows while someone types: digits only, at most 16, in groups of four
 * ("6472 0517 0885 0001"), as printed on the e-KTP. Pasted separators are dropped.
 */
export function groupNikDigits(input: string): string {
  return (
    input
      .replace(/\D/g, "")
      .slice(0, 16)
      .match(/.{1,4}/g) ?? []
  ).join(" ");
}

export function findNikProblem(input: string, today: CalendarDate = todayInJakarta()): NikProblem | null {
  const nik = normalizeNik(input);
  if (nik === "") return "NIK_REQUIRED";
  if (!/^\d+$/.test(nik)) return "NIK_NOT_DIGITS";
  if (nik.length !== 16) return "NIK_WRONG_LENGTH";
  if (!isKnownDistrictCode(nik.slice(0, 6))) return "NIK_UNKNOWN_DISTRICT";
  if (!birthDateOf(nik, today)) return "NIK_IMPOSSIBLE_DATE";
  if (nik.endsWith("0000")) return "NIK_ZERO_SERIAL";
  return null;
}

/** Parses a NIK or throws an AppError naming the first problem. */
export function parseNik(input: string, today: CalendarDate = todayInJakarta()): ParsedNik {
  const problem = findNikProblem(input, today);
  if (problem) throw new AppError(problem, { field: "nik" });
  const nik = normalizeNik(input);
  const birth = birthDateOf(nik, today)!;
  return {
    nik,
    districtCode: nik.slice(0, 6),
    sex: birth.sex,
    birthDate: birth.date,
    serial: Number(nik.slice(12)),
  };
}

/** Composes a NIK; the inverse of parseNik. */
export function formatNik({ districtCode, sex, birthDate, serial }: Omit<ParsedNik, "nik">): string {
  const day = birthDate.day + (sex === "PEREMPUAN" ? 40 : 0);
  return districtCode + String(day).padStart(2, "0") + String(birthDate.month).padStart(2, "0") + String(birthDate.year % 100).padStart(2, "0") + String(serial).padStart(4, "0");
}

function birthDateOf(nik: string, today: CalendarDate): { date: CalendarDate; sex: Sex } | null {
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex: Sex = rawDay > 40 ? "PEREMPUAN" : "LAKI_LAKI";
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  // Two-digit years: the most recent century that does not put the birth in the future.
  const recent = { year: Math.floor(today.year / 100) * 100 + yy, month, day };
  const date = compareDates(recent, today) <= 0 ? recent : { ...recent, year: recent.year - 100 };
  return isValidCalendarDate(date) ? { date, sex } : null;
}

/** Zod schema for a NIK field: normalises, then reports the specific problem as the issue's code. */
// JSON numbers cannot carry every NIK exactly (above 2^53), so a NIK must arrive as text.
export const ZNik = z.string({ error: (issue) => (issue.input == null ? "NIK_REQUIRED" : "NIK_NOT_TEXT") }).transform((value, ctx) => {
  const problem = findNikProblem(value);
  if (problem) {
    ctx.addIssue({ code: "custom", message: problem, params: { appErrorCode: problem } });
    return z.NEVER;
  }
  return normalizeNik(value);
});
