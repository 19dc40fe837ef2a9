import "server-only";
import { generateAuthenticationOptions, type AuthenticationResponseJSON, type PublicKeyCredentialRequestOptionsJSON, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { Db } from "@ktp/db";
import type { RelyingParty } from "../../universal/device.ts";
import { AppError } from "../../universal/errors.ts";
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS, SIGN_IN_SECONDS, type TPasskeySignInRequest } from "../../universal/sign-in.ts";
import { type DeviceKeyJwk, verifyDeviceSignature } from "../device-key.ts";
import { hashToken, newToken } from "../secrets.ts";
import { checkPin } from "./check-pin.ts";

// Signing in to KTP Digital takes the bound phone: its passkey (with user verification), its
// device key (which a synced passkey on another device does not have) and then the PIN.

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

/**
 * Step two: the PIN, with the lockout of checkPin. A right PIN signs the session in under a new
 * token (the one that waited for the PIN is retired, so a token seen before sign-in is worthless).
 */
export async function finishPinSignIn({ db, token, pin, pinPepper, requestId }: { db: Db; token: string | undefined; pin: string; pinPepper: Uint8Array; requestId?: string }): Promise<{ token: string }> {
  const session = token
    ? await db.citizenSession.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, registrationId: true, passkeyVerifiedAt: true, pinVerifiedAt: true, expiresAt: true, endedAt: true } })
    : null;
  if (!session?.registrationId || !session.passkeyVerifiedAt || session.pinVerifiedAt || session.endedAt || session.expiresAt <= new Date()) {
    throw new AppError("SIGN_IN_EXPIRED");
  }
  await checkPin({ db, registrationId: session.registrationId, pin, pinPepper });
  const fresh = newToken();
  await db.$transaction([
    db.citizenSession.update({
      where: { id: session.id },
      data: { tokenHash: hashToken(fresh), pinVerifiedAt: new Date(), expiresAt: new Date(Date.now() + SESSION_IDLE_MINUTES * 60_000) },
    }),
    db.auditEvent.create({ data: { actorType: "CITIZEN", actorId: session.registrationId, registrationId: session.registrationId, action: "citizen.sign_in", requestId } }),
  ]);
  return { token: fresh };
}

/**
 * The signed-in citizen behind a session cookie, or null. Each use extends the idle timeout, up to
 * SESSION_MAX_HOURS after the PIN was entered; then the citizen signs in again.
 */
export async function findCitizenSession({ db, token }: { db: Db; token: string | undefined }): Promise<{ registrationId: string; nik: string; locked: boolean } | null> {
  if (!token) return null;
  const session = await db.citizenSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, pinVerifiedAt: true, expiresAt: true, endedAt: true, registration: { select: { id: true, nik: true, step: true, lockedAt: true, device: { select: { revokedAt: true } } } } },
  });
  const registration = session?.registration;
  if (!session?.pinVerifiedAt || session.endedAt || session.expiresAt <= new Date() || registration?.step !== "ACTIVE" || registration.device?.revokedAt) return null;
  const absoluteEnd = session.pinVerifiedAt.getTime() + SESSION_MAX_HOURS * 3600_000;
  if (absoluteEnd <= Date.now()) return null;
  await db.citizenSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Math.min(absoluteEnd, Date.now() + SESSION_IDLE_MINUTES * 60_000)) } });
  return { registrationId: registration.id, nik: registration.nik, locked: registration.lockedAt !== null };
}

export async function signOutCitizen({ db, token }: { db: Db; token: string | undefined }): Promise<void> {
  if (!token) return;
  await db.citizenSession.updateMany({ where: { tokenHash: hashToken(token), endedAt: null }, data: { endedAt: new Date() } });
}
