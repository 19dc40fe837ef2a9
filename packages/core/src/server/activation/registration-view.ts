import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { maskName } from "../../universal/mask-name.ts";
import { MAX_SELFIE_ATTEMPTS, maskEmail, type RegistrationView } from "../../universal/registration.ts";
import { hashToken } from "../secrets.ts";

const SELECT = { id: true, nik: true, email: true, step: true, selfieAttempts: true } as const;

/** The open registration a resume token points at, or null. */
export async function findRegistration({ db, resumeToken }: { db: Db; resumeToken: string | undefined }) {
  if (!resumeToken) return null;
  const registration = await db.registration.findUnique({ where: { resumeTokenHash: hashToken(resumeToken) }, select: SELECT });
  return registration && registration.step !== "SUPERSEDED" ? registration : null;
}

/** Like findRegistration, but a missing registration is an error. */
export async function getRegistration(options: { db: Db; resumeToken: string | undefined }) {
  const registration = await findRegistration(options);
  if (!registration) throw new AppError("REGISTRATION_NOT_FOUND");
  return registration;
}

export async function toRegistrationView(
  db: Db,
  registration: { nik: string; email: string; step: RegistrationView["step"]; selfieAttempts: number },
): Promise<RegistrationView> {
  const resident = await db.penduduk.findUnique({ where: { nik: registration.nik }, select: { nama: true } });
  return {
    step: registration.step,
    maskedName: maskName(resident?.nama ?? ""),
    maskedEmail: maskEmail(registration.email),
    selfieAttemptsLeft: Math.max(0, MAX_SELFIE_ATTEMPTS - registration.selfieAttempts),
  };
}
