import "server-only";
import argon2 from "argon2";
import type { Db } from "@ktp/db";
import { fromUtcDate } from "../../universal/calendar.ts";
import { AppError } from "../../universal/errors.ts";
import { findPinProblem, type TSetPinRequest } from "../../universal/pin.ts";
import type { RegistrationView } from "../../universal/registration.ts";
import { getRegistration, toRegistrationView } from "./registration-view.ts";

/** argon2id, OWASP's minimum profile (19 MiB, 2 passes): about 40 ms on this hardware. */
export const PIN_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface SetPinOptions {
  db: Db;
  resumeToken: string | undefined;
  request: TSetPinRequest;
}

/** Stores the citizen's six-digit PIN (hashed), refusing guessable ones and the birth date. */
export async function setPin({ db, resumeToken, request }: SetPinOptions): Promise<RegistrationView> {
  const registration = await getRegistration({ db, resumeToken });
  if (registration.step !== "PIN") throw new AppError("WRONG_STEP");
  const resident = await db.penduduk.findUnique({ where: { nik: registration.nik }, select: { tanggalLahir: true } });
  const problem = findPinProblem(request.pin, resident ? fromUtcDate(resident.tanggalLahir) : undefined);
  if (problem) throw new AppError(problem, { field: "pin" });

  const pinHash = await argon2.hash(request.pin, PIN_HASH_OPTIONS);
  const moved = await db.registration.updateMany({ where: { id: registration.id, step: "PIN" }, data: { pinHash, step: "DEVICE" } });
  if (moved.count === 0) throw new AppError("WRONG_STEP");
  return toRegistrationView(db, { ...registration, step: "DEVICE" });
}
