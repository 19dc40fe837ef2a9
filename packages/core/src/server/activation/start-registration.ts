import "server-only";
import type { Db } from "@ktp/db";
import type { CalendarDate } from "../../universal/calendar.ts";
import { AppError } from "../../universal/errors.ts";
import type { RegistrationView, TStartRegistrationRequest } from "../../universal/registration.ts";
import { NO_LIMITS, type RateLimiter } from "../rate-limit.ts";
import { hashToken, newToken } from "../secrets.ts";
import { verifyNik } from "../siak/verify-nik.ts";
import { toRegistrationView } from "./registration-view.ts";

export interface StartRegistrationOptions {
  db: Db;
  request: TStartRegistrationRequest;
  today?: CalendarDate;
  limiter?: RateLimiter;
  /** The browser that starts it (User-Agent), shown to the officer later. */
  userAgent?: string | null;
}

/**
 * "Verifikasi Data": checks the NIK against SIAK and opens a registration with its own selfie
 * attempts. Knowing a NIK is not enough to harm its owner: registrations still at the selfie may
 * coexist (the first whose face matches goes on and the others end), one that got past the selfie
 * is never replaced by a stranger, and limits per e-mail and phone (the route adds one per IP)
 * bound how many a stranger can open. Nothing here is limited per NIK, so nobody can block it.
 */
export async function startRegistration({ db, request, today, limiter = NO_LIMITS, userAgent }: StartRegistrationOptions): Promise<{ resumeToken: string; registration: RegistrationView }> {
  const { nik, email, phone } = request;
  await limiter.consume("registrationEmail", email);
  await limiter.consume("registrationPhone", phone);
  const siak = await verifyNik({ db, nik, today });
  if (!siak.found) throw new AppError("SIAK_NOT_FOUND", { field: "nik" });
  if (!siak.alive) throw new AppError("SIAK_DECEASED", { field: "nik" });
  if (!siak.wajibKtp) throw new AppError("SIAK_UNDER_17", { field: "nik" });
  if (!siak.ektpRecorded) throw new AppError("SIAK_NO_EKTP", { field: "nik" });

  const resumeToken = newToken();
  const registration = await db.$transaction(async (tx) => {
    // One NIK at a time: concurrent starts and steps for the same NIK wait for each other here.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registration:${nik}`}))`;
    const blocking = await tx.registration.findFirst({
      where: { nik, step: { in: ["PIN", "DEVICE", "COUNTER", "EMAIL", "ACTIVE"] } },
      select: { step: true },
    });
    if (blocking?.step === "ACTIVE") throw new AppError("ALREADY_ACTIVE", { field: "nik" });
    if (blocking) throw new AppError("REGISTRATION_IN_PROGRESS", { field: "nik" });
    return tx.registration.create({
      data: { nik, email, phone, resumeTokenHash: hashToken(resumeToken), userAgent: userAgent?.replace(/[^\x20-\x7E]/g, "").slice(0, 300) || null },
      select: { id: true, nik: true, email: true, step: true, selfieAttempts: true },
    });
  });
  return { resumeToken, registration: await toRegistrationView(db, registration) };
}
