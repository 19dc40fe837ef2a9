import "server-only";
import { generateAuthenticationOptions, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { Db } from "@ktp/db";
import type { RelyingParty } from "../../universal/device.ts";
import { AppError } from "../../universal/errors.ts";
import { SIGN_IN_SECONDS, type TPasskeySignInRequest } from "../../universal/sign-in.ts";
import { type DeviceKeyJwk, verifyDeviceSignature } from "../device-key.ts";
import { hashToken, newToken } from "../secrets.ts";

// Signing in to KTP Digital takes the bound phone: its passkey (with user verification), its
// device key (which a synced passkey on another device does not have), then the PIN
// (sign-in-pin.ts). The session that waits for them is a citizen_session row (citizen-session.ts).

export async function beginSignIn({ db, rp }: { db: Db; rp: RelyingParty }): Promise<{ token: string; options: PublicKeyCredentialRequestOptionsJSON }> {
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "required", timeout: 60_000 });
  const token = newToken();
  await db.citizenSession.create({
    data: { tokenHash: hashToken(token), challenge: options.challenge, expiresAt: new Date(Date.now() + SIGN_IN_SECONDS * 1000) },
  });
  return { token, options };
}

/** Step one: the passkey and the device key. Leaves the session waiting for the PIN. */
export async function finishPasskeySignIn({ db, token, rp, request }: { db: Db; token: string | undefined; rp: RelyingParty; request: TPasskeySignInRequest }): Promise<void> {
  const session = token ? await db.citizenSession.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, challenge: true, expiresAt: true } }) : null;
  if (!session?.challenge || session.expiresAt <= new Date()) throw new AppError("SIGN_IN_EXPIRED");

  const device = await db.device.findUnique({
    where: { credentialId: request.credential.id },
    select: { id: true, credentialId: true, publicKey: true, signCount: true, transports: true, deviceKey: true, revokedAt: true, registration: { select: { id: true, step: true } } },
  });
  if (!device || device.revokedAt || device.registration.step !== "ACTIVE") throw new AppError("PASSKEY_NOT_RECOGNISED");

  const verification = await verifyAuthenticationResponse({
    response: request.credential as unknown as AuthenticationResponseJSON,
    expectedChallenge: session.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
    credential: { id: device.credentialId, publicKey: new Uint8Array(device.publicKey), counter: Number(device.signCount), transports: device.transports },
  }).catch((cause) => {
    throw new AppError("PASSKEY_NOT_RECOGNISED", { cause });
  });
  if (!verification.verified) throw new AppError("PASSKEY_NOT_RECOGNISED");
  if (!(await verifyDeviceSignature(device.deviceKey as unknown as DeviceKeyJwk, request.deviceKeySignature, session.challenge))) {
    throw new AppError("DEVICE_KEY_INVALID");
  }

  await db.$transaction(async (tx) => {
    // The challenge is consumed here, so the same answer cannot be replayed.
    const claimed = await tx.citizenSession.updateMany({
      where: { id: session.id, challenge: session.challenge },
      data: { challenge: null, registrationId: device.registration.id, passkeyVerifiedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("SIGN_IN_EXPIRED");
    await tx.device.update({ where: { id: device.id }, data: { signCount: BigInt(verification.authenticationInfo.newCounter) } });
  });
}
