import "server-only";
import type { Db } from "@ktp/db";
import type { TResetRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { PIN_LOCKOUT } from "../../universal/pin.ts";
import { maskEmail, type RegistrationStep } from "../../universal/registration.ts";
import { loadKtpCard } from "../siak/load-ktp-card.ts";

// The officer's lookup by NIK, and what only an officer may undo: a lost phone, a PIN locked at
// the 10th wrong try, and three selfies that did not match (checked in person instead).

export interface ResidentCase {
  nik: string;
  nama: string;
  registration: {
    step: RegistrationStep;
    maskedEmail: string;
    createdAt: Date;
    device: { createdAt: Date; synced: boolean } | null;
    pinLockedForCounter: boolean;
  } | null;
  /** What resetResident may do for this NIK now. */
  actions: TResetRequest["action"][];
}

export async function findResidentCase({ db, nik }: { db: Db; nik: string }): Promise<ResidentCase> {
  const card = await loadKtpCard(db, nik);
  if (!card) throw new AppError("RESIDENT_NOT_FOUND", { field: "nik" });
  const registration = await latestRegistration(db, nik);
  const actions: TResetRequest["action"][] = [];
  if (registration?.device && !registration.device.revokedAt && ["COUNTER", "EMAIL", "ACTIVE"].includes(registration.step)) actions.push("DEVICE");
  if (registration && registration.pinFailures >= PIN_LOCKOUT.counterAt) actions.push("PIN");
  if (registration?.step === "COUNTER_REQUIRED") actions.push("FACE_IN_PERSON");
  return {
    nik,
    nama: card.nama,
    registration: registration && {
      step: registration.step,
      maskedEmail: maskEmail(registration.email),
      createdAt: registration.createdAt,
      device: registration.device && !registration.device.revokedAt ? { createdAt: registration.device.createdAt, synced: registration.device.backupEligible } : null,
      pinLockedForCounter: registration.pinFailures >= PIN_LOCKOUT.counterAt,
    },
    actions,
  };
}

/**
 * DEVICE: the phone is lost or replaced. Its binding is revoked, its sessions end and the NIK may
 * register again on a new phone. PIN: the lock after 10 wrong PINs is lifted. FACE_IN_PERSON:
 * the officer has compared the face with the e-KTP photo in person, so the selfie step is passed.
 */
export async function resetResident({ db, request }: { db: Db; request: TResetRequest }): Promise<ResidentCase> {
  const { nik, action } = request;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registration:${nik}`}))`;
    const registration = await latestRegistration(tx as unknown as Db, nik);
    if (!registration) throw new AppError("RESIDENT_NOT_FOUND", { field: "nik" });
    if (action === "DEVICE") {
      if (!registration.device || registration.device.revokedAt) throw new AppError("NOTHING_TO_RESET");
      await tx.device.update({ where: { id: registration.device.id }, data: { revokedAt: new Date() } });
      await tx.registration.update({ where: { id: registration.id }, data: { step: "SUPERSEDED", selfieEncrypted: null } });
      await tx.citizenSession.updateMany({ where: { registrationId: registration.id, endedAt: null }, data: { endedAt: new Date() } });
    } else if (action === "PIN") {
      if (registration.pinFailures < PIN_LOCKOUT.counterAt) throw new AppError("NOTHING_TO_RESET");
      await tx.registration.update({ where: { id: registration.id }, data: { pinFailures: 0, pinLockedUntil: null } });
    } else {
      if (registration.step !== "COUNTER_REQUIRED") throw new AppError("NOTHING_TO_RESET");
      await tx.registration.update({ where: { id: registration.id }, data: { step: "PIN", selfieEncrypted: null } });
    }
  });
  return findResidentCase({ db, nik });
}

function latestRegistration(db: Db, nik: string) {
  return db.registration.findFirst({
    where: { nik, step: { not: "SUPERSEDED" } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, step: true, email: true, createdAt: true, pinFailures: true,
      device: { select: { id: true, createdAt: true, revokedAt: true, backupEligible: true } },
    },
  });
}
