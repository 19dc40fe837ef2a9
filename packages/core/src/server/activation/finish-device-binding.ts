import "server-only";
import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import type { Db } from "@ktp/db";
import type { RelyingParty, TFinishDeviceBindingRequest } from "../../universal/device.ts";
import { AppError } from "../../universal/errors.ts";
import type { RegistrationView } from "../../universal/registration.ts";
import { verifyDeviceSignature } from "../device-key.ts";
import { getRegistration, toRegistrationView } from "./registration-view.ts";

export interface FinishDeviceBindingOptions {
  db: Db;
  resumeToken: string | undefined;
  rp: RelyingParty;
  request: TFinishDeviceBindingRequest;
}

/**
 * Binds this phone: verifies the new passkey (user verification required) and that the browser
 * holds the device key, then consumes the challenge so the same answer cannot be replayed.
 */
export async function finishDeviceBinding({ db, resumeToken, rp, request }: FinishDeviceBindingOptions): Promise<RegistrationView> {
  const registration = await getRegistration({ db, resumeToken });
  if (registration.step !== "DEVICE") throw new AppError("WRONG_STEP");
  const { deviceChallenge: challenge, deviceChallengeExpiresAt: expires } = await db.registration.findUniqueOrThrow({
    where: { id: registration.id },
    select: { deviceChallenge: true, deviceChallengeExpiresAt: true },
  });
  if (!challenge || !expires || expires < new Date()) throw new AppError("DEVICE_CHALLENGE_EXPIRED");

  // The library throws on malformed input; for the citizen that is one answer: not verified.
  const verification = await verifyRegistrationResponse({
    response: request.credential as unknown as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch((cause) => {
    throw new AppError("DEVICE_NOT_VERIFIED", { cause });
  });
  if (!verification.verified) throw new AppError("DEVICE_NOT_VERIFIED");
  if (!(await verifyDeviceSignature(request.deviceKey, request.deviceKeySignature, challenge))) throw new AppError("DEVICE_KEY_INVALID");

  const info = verification.registrationInfo;
  await db.$transaction(async (tx) => {
    const consumed = await tx.registration.updateMany({
      where: { id: registration.id, step: "DEVICE", deviceChallenge: challenge },
      data: { step: "COUNTER", deviceChallenge: null, deviceChallengeExpiresAt: null },
    });
    if (consumed.count === 0) throw new AppError("WRONG_STEP");
    await tx.device.create({
      data: {
        registrationId: registration.id,
        credentialId: info.credential.id,
        publicKey: new Uint8Array(info.credential.publicKey),
        signCount: BigInt(info.credential.counter),
        transports: info.credential.transports ?? [],
        backupEligible: info.credentialDeviceType === "multiDevice",
        backedUp: info.credentialBackedUp,
        deviceKey: request.deviceKey,
      },
    });
  });
  return toRegistrationView(db, { ...registration, step: "COUNTER" });
}
