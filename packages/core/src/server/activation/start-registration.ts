import "server-only";
import type { Db } from "@ktp/db";
import type { CalendarDate } from "../../universal/calendar.ts";
import { AppError } from "../../universal/errors.ts";
import type { RegistrationView, TStartRegistrationRequest } from "../../universal/registration.ts";
import { hashToken, newToken } from "../secrets.ts";
import { verifyNik } from "../siak/verify-nik.ts";
import { toRegistrationView } from "./registration-view.ts";

export interface StartRegistrationOptions {
  db: Db;
  request: TStartRegistrationRequest;
  today?: CalendarDate;
}

/**
 * "Verifikasi Data": checks the NIK against SIAK and opens a registration. A new start replaces
 * an unfinished one for the same NIK, but never resets its selfie attempts.
 */
export async function startRegistration({ db, request, today }: StartRegistrationOptions): Promise<{ resumeToken: string; registration: RegistrationView }> {
  const { nik, email, phone } = request;
  const siak = await verifyNik({ db, nik, today });
  if (!siak.found) throw new AppError("SIAK_NOT_FOUND", { field: "nik" });
  if (!siak.alive) throw new AppError("SIAK_DECEASED", { field: "nik" });
  if (!siak.age17OrOlder) throw new AppError("SIAK_UNDER_17", { field: "nik" });
  if (!siak.ektpRecorded) throw new AppError("SIAK_NO_EKTP", { field: "nik" });

  const resumeToken = newToken();
  const registration = await db.$transaction(async (tx) => {
    // One NIK at a time: concurrent starts for the same NIK wait for each other here.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registration:${nik}`}))`;
    const earlier = await tx.registration.findMany({
      where: { nik, step: { notIn: ["SUPERSEDED", "REFUSED"] } },
      select: { id: true, step: true, selfieAttempts: true },
    });
    if (earlier.some((r) => r.step === "ACTIVE")) throw new AppError("ALREADY_ACTIVE", { field: "nik" });
    if (earlier.some((r) => r.step === "COUNTER_REQUIRED")) throw new AppError("SELFIE_ATTEMPTS_EXHAUSTED", { field: "nik" });
    await tx.registration.updateMany({
      where: { id: { in: earlier.map((r) => r.id) } },
      data: { step: "SUPERSEDED", selfieEncrypted: null },
    });
    return tx.registration.create({
      data: {
        nik,
        email,
        phone,
        resumeTokenHash: hashToken(resumeToken),
        selfieAttempts: Math.max(0, ...earlier.map((r) => r.selfieAttempts)),
      },
      select: { id: true, nik: true, email: true, step: true, selfieAttempts: true },
    });
  });
  return { resumeToken, registration: await toRegistrationView(db, registration) };
}
