import "server-only";
import type { Db } from "@ktp/db";
import type { ResidentCase, TResetRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { PIN_LOCKOUT } from "../../universal/pin.ts";
import { cancelOpenRegistration } from "../activation/cancel-registration.ts";
import { passSelfie } from "../activation/submit-selfie.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { CounterSessionView } from "./officer-session.ts";
import { assertInRegion, readResidentCase } from "./resident-case.ts";

// What only an officer at the counter may undo, for residents of the officer's own Dinas. Every
// change leaves an audit record naming the officer.

/**
 * DEVICE: the phone is lost or replaced; its binding is revoked, its sessions end and the NIK may
 * register again. PIN: the lock after 10 wrong PINs is lifted. CANCEL: a registration that is not
 * the person's in front of the officer ends. FACE_IN_PERSON: the officer compared the face with the
 * e-KTP photo in person, so that registration passes the selfie (the others waiting there end).
 */
export async function resetResident({ db, session, request, requestId }: { db: Db; session: CounterSessionView; request: TResetRequest; requestId?: string }): Promise<ResidentCase> {
  const { nik, action, note } = request;
  await assertInRegion(db, session, nik);
  const audit = { actorType: "OFFICER" as const, actorId: session.officer.id, nik, counterId: session.counter.id, note, requestId };

  if (action === "FACE_IN_PERSON") {
    const registration = await db.registration.findFirst({ where: { id: request.registrationId, nik, step: { in: ["SELFIE", "COUNTER_REQUIRED"] } }, select: { id: true } });
    if (!registration) throw new AppError("NOTHING_TO_RESET");
    await passSelfie(db, { id: registration.id, nik }, { selfieEncrypted: null }, ["SELFIE", "COUNTER_REQUIRED"]);
    await recordAudit(db, { ...audit, action: "resident.face_in_person", registrationId: registration.id });
    return readResidentCase(db, session, nik);
  }

  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registration:${nik}`}))`;
    if (action === "CANCEL") {
      const ofThisNik = await tx.registration.count({ where: { id: request.registrationId, nik } });
      if (!ofThisNik || !(await cancelOpenRegistration(tx, request.registrationId, { ...audit, action: "registration.cancel" }))) throw new AppError("NOTHING_TO_RESET");
      return;
    }
    const active = await tx.registration.findFirst({
      where: { nik, step: { in: ["ACTIVE", "COUNTER", "EMAIL"] } },
      select: { id: true, pinFailures: true, device: { select: { id: true, revokedAt: true } } },
    });
    if (!active) throw new AppError("NOTHING_TO_RESET");
    if (action === "DEVICE") {
      if (!active.device || active.device.revokedAt) throw new AppError("NOTHING_TO_RESET");
      await tx.device.update({ where: { id: active.device.id }, data: { revokedAt: new Date() } });
      await tx.registration.update({ where: { id: active.id }, data: { step: "SUPERSEDED", selfieEncrypted: null } });
      await tx.citizenSession.updateMany({ where: { registrationId: active.id, endedAt: null }, data: { endedAt: new Date() } });
      await recordAudit(tx, { ...audit, action: "resident.reset.device", registrationId: active.id });
    } else {
      if (active.pinFailures < PIN_LOCKOUT.counterAt) throw new AppError("NOTHING_TO_RESET");
      await tx.registration.update({ where: { id: active.id }, data: { pinFailures: 0, pinLockedUntil: null } });
      await recordAudit(tx, { ...audit, action: "resident.reset.pin", registrationId: active.id });
    }
  });
  return readResidentCase(db, session, nik);
}
