import "server-only";
import type { Db } from "@ktp/db";
import { fromUtcDate } from "../../universal/calendar.ts";
import { AppError } from "../../universal/errors.ts";
import { findPinProblem, type TSetPinRequest } from "../../universal/pin.ts";
import type { RegistrationView } from "../../universal/registration.ts";
import { hashPin } from "../account/pin-hash.ts";
import { getRegistration, toRegistrationView } from "./registration-view.ts";

export interface SetPinOptions {
  db: Db;
  resumeToken: string | undefined;
  request: TSetPinRequest;
  /** deriveKey(APP_SECRET, "pin-pepper"): see hashPin. */
  pinPepper: Uint8Array;
}

/** Stores the citizen's six-digit PIN (hashed), refusing guessable ones and the birth date. */
export async function setPin({ db, resumeToken, request, pinPepper }: SetPinOptions): Promise<RegistrationView> {
  const registration = await getRegistration({ db, resumeToken });
  if (registration.step !== "PIN") throw new AppError("WRONG_STEP");
  const resident = await db.penduduk.findUnique({ where: { nik: registration.nik }, select: { tanggalLahir: true } });
  const problem = findPinProblem(request.pin, resident ? fromUtcDate(resident.tanggalLahir) : undefined);
  if (problem) throw new AppError(problem, { field: "pin" });

  const pinHash = await hashPin(request.pin, pinPepper);
  const moved = await db.registration.updateMany({ where: { id: registration.id, step: "PIN" }, data: { pinHash, step: "DEVICE" } });
  if (moved.count === 0) throw new AppError("WRONG_STEP");
  return toRegistrationView(db, { ...registration, step: "DEVICE" });
}
