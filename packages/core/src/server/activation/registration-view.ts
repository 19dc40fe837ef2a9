import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { maskName } from "../../universal/mask-name.ts";
import { MAX_SELFIE_ATTEMPTS, maskEmail, registrationReference, type RegistrationView } from "../../universal/registration.ts";
import { hashToken } from "../secrets.ts";

const SELECT = { id: true, nik: true, email: true, step: true, selfieAttempts: true, counterSessionId: true } as const;

/** The open registration a resume token points at, or null. */
export async function findRegistration({ db, resumeToken }: { db: Db; resumeToken: string | undefined }) {
  if (!resumeToken) return null;
  const registration = await db.registration.findUnique({ where: { resumeTokenHash: hashToken(resumeToken) }, select: SELECT });
  return registration && registration.step !== "SUPERSEDED" && registration.step !== "CANCELLED" ? registration : null;
}

/** Like findRegistration, but a missing registration is an error. */
export async function getRegistration(options: { db: Db; resumeToken: string | undefined }) {
  const registration = await findRegistration(options);
  if (!registration) throw new AppError("REGISTRATION_NOT_FOUND");
  return registration;
}

export async function toRegistrationView(
  db: Db,
  registration: { id: string; nik: string; email: string; step: RegistrationView["step"]; selfieAttempts: number; counterSessionId?: string | null },
): Promise<RegistrationView> {
  const resident = await db.penduduk.findUnique({ where: { nik: registration.nik }, select: { nama: true } });
  const waiting = registration.step === "COUNTER" && registration.counterSessionId;
  const counter = waiting ? await db.counterSession.findUnique({ where: { id: registration.counterSessionId! }, select: { counter: { select: { code: true, name: true } } } }) : null;
  const record = registration.step === "REFUSED" ? await db.activationRecord.findUnique({ where: { registrationId: registration.id }, select: { refusalReason: true, refusalNote: true } }) : null;
  return {
    step: registration.step,
    reference: registrationReference(registration.id),
    maskedName: maskName(resident?.nama ?? ""),
    maskedEmail: maskEmail(registration.email),
    selfieAttemptsLeft: Math.max(0, MAX_SELFIE_ATTEMPTS - registration.selfieAttempts),
    counter: counter?.counter ?? null,
    refusal: record ? { reason: record.refusalReason ?? "OTHER", note: record.refusalNote } : null,
  };
}
