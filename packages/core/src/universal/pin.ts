import { z } from "zod";
import type { CalendarDate } from "./calendar.ts";

export const PIN_LENGTH = 6;

export type PinProblem = "PIN_FORMAT" | "PIN_TRIVIAL" | "PIN_BIRTH_DATE";

/** Why a PIN is not acceptable, or null. Trivial: one digit repeated, or a straight run up or down. */
export function findPinProblem(pin: string, birthDate?: CalendarDate): PinProblem | null {
  if (!/^\d{6}$/.test(pin)) return "PIN_FORMAT";
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return "PIN_TRIVIAL";
  if (pin === "121212" || pin === "112233" || /^(\d\d)\1\1$/.test(pin)) return "PIN_TRIVIAL";
  if (birthDate && birthDateForms(birthDate).includes(pin)) return "PIN_BIRTH_DATE";
  return null;
}

function birthDateForms({ year, month, day }: CalendarDate): string[] {
  const dd = String(day).padStart(2, "0");
  const mm = String(month).padStart(2, "0");
  const yy = String(year % 100).padStart(2, "0");
  return [`${dd}${mm}${yy}`, `${yy}${mm}${dd}`, `${mm}${dd}${yy}`, `${dd}${mm}${String(year).slice(0, 2)}`];
}

export const ZPin = z.string({ error: "PIN_FORMAT" }).refine((p) => /^\d{6}$/.test(p), { error: "PIN_FORMAT" });

export const ZSetPinRequest = z
  .object({
    pin: ZPin,
    confirmation: z.string({ error: "PIN_MISMATCH" }).max(6, { error: "PIN_MISMATCH" }),
  })
  .refine((r) => r.pin === r.confirmation, { error: "PIN_MISMATCH", path: ["confirmation"] });
export type TSetPinRequest = z.infer<typeof ZSetPinRequest>;

/** Wrong PINs allowed before the growing delay starts, and before only the counter can help. */
export const PIN_LOCKOUT = { delayFrom: 5, counterAt: 10, firstDelaySeconds: 30 } as const;

/** Seconds locked after `failures` wrong PINs in a row: 0 under 5, then 30, 60, 120… */
export function pinLockSeconds(failures: number): number {
  return failures < PIN_LOCKOUT.delayFrom ? 0 : PIN_LOCKOUT.firstDelaySeconds * 2 ** (failures - PIN_LOCKOUT.delayFrom);
}
