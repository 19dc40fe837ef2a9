import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { checkPin } from "../account/check-pin.ts";

/**
 * "Kunci KTP Digital": the citizen locks or unlocks with their PIN (the sign-in PIN, with its
 * lockout). While locked, no QR is issued and every verification fails with IDENTITY_LOCKED; the
 * status list shows it to offline verifiers within its TTL.
 */
export async function setIdentityLock({
  db,
  registrationId,
  pin,
  pinPepper,
  locked,
  requestId,
}: {
  db: Db;
  registrationId: string;
  pin: string;
  pinPepper: Uint8Array;
  locked: boolean;
  requestId?: string;
}) {
  await checkPin({ db, registrationId, pin, pinPepper });
  const at = new Date();
  // After "Ponsel hilang" only an officer's device reset ends the lock; the PIN does not.
  const lost = await db.registration.findUnique({ where: { id: registrationId }, select: { lostReportedAt: true } });
  if (lost?.lostReportedAt) throw new AppError("LOST_PHONE_REPORTED");
  await db.$transaction([
    db.registration.updateMany({ where: { id: registrationId, step: "ACTIVE", lostReportedAt: null }, data: { lockedAt: locked ? at : null } }),
    db.auditEvent.create({ data: { actorType: "CITIZEN", actorId: registrationId, registrationId, action: locked ? "citizen.lock" : "citizen.unlock", requestId } }),
  ]);
  return { locked, at };
}
