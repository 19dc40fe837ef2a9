import "server-only";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { Db } from "@ktp/db";
import type { TChangePinRequest } from "../../universal/account.ts";
import { fromUtcDate } from "../../universal/calendar.ts";
import type { RelyingParty } from "../../universal/device.ts";
import { AppError } from "../../universal/errors.ts";
import { findPinProblem } from "../../universal/pin.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { hashToken } from "../secrets.ts";
import { checkPin } from "./check-pin.ts";
import { hashPin } from "./pin-hash.ts";
import { verifyBoundPasskey } from "./verify-bound-passkey.ts";

/** Seconds to answer a confirmation's passkey prompt. */
const STEP_UP_SECONDS = 120;

/**
 * A PIN change is confirmed by the phone's passkey: a challenge for this signed-in session, for
 * this registration's passkey only. It is kept on the session (its `challenge` column), single use.
 */
export async function beginPinChange({ db, rp, token }: { db: Db; rp: RelyingParty; token: string | undefined }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const session = await signedInSession(db, token);
  const device = await db.device.findFirst({ where: { registrationId: session.registrationId, revokedAt: null }, select: { credentialId: true, transports: true } });
  if (!device) throw new AppError("NOT_SIGNED_IN");
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: "required",
    timeout: STEP_UP_SECONDS * 1000,
    allowCredentials: [{ id: device.credentialId, transports: device.transports }],
  });
  await db.citizenSession.update({ where: { id: session.id }, data: { challenge: options.challenge, challengeExpiresAt: new Date(Date.now() + STEP_UP_SECONDS * 1000) } });
  return options;
}

/**
 * Sets a new PIN: the passkey answers this session's challenge (consumed first, so it cannot be
 * replayed), then the old PIN is checked with the sign-in lockout, then the new one must be
 * acceptable and different. Every other session of this KTP Digital ends.
 */
export async function changePin({
  db,
  rp,
  token,
  request,
  pinPepper,
  requestId,
}: {
  db: Db;
  rp: RelyingParty;
  token: string | undefined;
  request: TChangePinRequest;
  pinPepper: Uint8Array;
  requestId?: string;
}): Promise<{ changedAt: Date }> {
  const session = await signedInSession(db, token);
  if (!session.challenge || !session.challengeExpiresAt || session.challengeExpiresAt <= new Date()) throw new AppError("STEP_UP_EXPIRED");
  const passkey = await verifyBoundPasskey({ db, rp, challenge: session.challenge, request: request.passkey, registrationId: session.registrationId });
  const claimed = await db.citizenSession.updateMany({ where: { id: session.id, challenge: session.challenge }, data: { challenge: null, challengeExpiresAt: null } });
  if (claimed.count === 0) throw new AppError("STEP_UP_EXPIRED");
  await db.device.update({ where: { id: passkey.deviceId }, data: { signCount: BigInt(passkey.newCounter) } });

  await checkPin({ db, registrationId: session.registrationId, pin: request.oldPin, pinPepper });
  if (request.newPin === request.oldPin) throw new AppError("PIN_UNCHANGED", { field: "newPin" });
  const resident = await db.penduduk.findUnique({ where: { nik: session.nik }, select: { tanggalLahir: true } });
  const problem = findPinProblem(request.newPin, resident ? fromUtcDate(resident.tanggalLahir) : undefined);
  if (problem) throw new AppError(problem, { field: "newPin" });

  const pinHash = await hashPin(request.newPin, pinPepper);
  const changedAt = new Date();
  await db.$transaction(async (tx) => {
    await tx.registration.update({ where: { id: session.registrationId }, data: { pinHash, pinFailures: 0, pinLockedUntil: null } });
    await tx.citizenSession.updateMany({ where: { registrationId: session.registrationId, endedAt: null, id: { not: session.id } }, data: { endedAt: changedAt } });
    await recordAudit(tx, { actorType: "CITIZEN", actorId: session.registrationId, registrationId: session.registrationId, nik: session.nik, action: "citizen.pin_change", requestId });
  });
  return { changedAt };
}

async function signedInSession(db: Db, token: string | undefined) {
  const session = token
    ? await db.citizenSession.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, challenge: true, pinVerifiedAt: true, endedAt: true, expiresAt: true, challengeExpiresAt: true, registration: { select: { id: true, nik: true, step: true } } },
      })
    : null;
  if (!session?.pinVerifiedAt || session.endedAt || session.expiresAt <= new Date() || session.registration?.step !== "ACTIVE") throw new AppError("NOT_SIGNED_IN");
  return { id: session.id, challenge: session.challenge, registrationId: session.registration.id, nik: session.registration.nik, challengeExpiresAt: session.challengeExpiresAt };
}
