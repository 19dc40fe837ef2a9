import "server-only";
import { type AuthenticationResponseJSON, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { Db } from "@ktp/db";
import type { RelyingParty } from "../../universal/device.ts";
import { AppError } from "../../universal/errors.ts";
import type { TPasskeySignInRequest } from "../../universal/sign-in.ts";
import { type DeviceKeyJwk, verifyDeviceSignature } from "../device-key.ts";

/**
 * Checks that the answer to `challenge` comes from a phone bound to an active KTP Digital: its
 * passkey with user verification, and its device key (which a synced passkey on another device
 * does not have). With `registrationId`, the phone must be that registration's. Consuming the
 * challenge is the caller's job, in the same statement that records what the answer allows.
 * Used by sign-in and by the account's confirmations (a PIN change).
 */
export async function verifyBoundPasskey({
  db,
  rp,
  challenge,
  request,
  registrationId,
}: {
  db: Db;
  rp: RelyingParty;
  challenge: string;
  request: TPasskeySignInRequest;
  registrationId?: string;
}): Promise<{ deviceId: string; registrationId: string; newCounter: number }> {
  const device = await db.device.findUnique({
    where: { credentialId: request.credential.id },
    select: {
      id: true,
      credentialId: true,
      publicKey: true,
      signCount: true,
      transports: true,
      deviceKey: true,
      revokedAt: true,
      registration: { select: { id: true, step: true, lostReportedAt: true } },
    },
  });
  if (!device || device.revokedAt || device.registration.step !== "ACTIVE") throw new AppError("PASSKEY_NOT_RECOGNISED");
  if (registrationId && device.registration.id !== registrationId) throw new AppError("PASSKEY_NOT_RECOGNISED");
  if (device.registration.lostReportedAt) throw new AppError("LOST_PHONE_REPORTED");

  const verification = await verifyAuthenticationResponse({
    response: request.credential as unknown as AuthenticationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
    credential: { id: device.credentialId, publicKey: new Uint8Array(device.publicKey), counter: Number(device.signCount), transports: device.transports },
  }).catch((cause) => {
    throw new AppError("PASSKEY_NOT_RECOGNISED", { cause });
  });
  if (!verification.verified) throw new AppError("PASSKEY_NOT_RECOGNISED");
  if (!(await verifyDeviceSignature(device.deviceKey as unknown as DeviceKeyJwk, request.deviceKeySignature, challenge))) {
    throw new AppError("DEVICE_KEY_INVALID");
  }
  return { deviceId: device.id, registrationId: device.registration.id, newCounter: verification.authenticationInfo.newCounter };
}
