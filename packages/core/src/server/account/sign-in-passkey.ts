import "server-only";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import type { Db } from "@ktp/db";
import type { RelyingParty } from "../../universal/device.ts";
import { AppError } from "../../universal/errors.ts";
import { SIGN_IN_SECONDS, type TPasskeySignInRequest } from "../../universal/sign-in.ts";
import { hashToken, newToken } from "../secrets.ts";
import { verifyBoundPasskey } from "./verify-bound-passkey.ts";

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

  const passkey = await verifyBoundPasskey({ db, rp, challenge: session.challenge, request });

  await db.$transaction(async (tx) => {
    // The challenge is consumed here, so the same answer cannot be replayed. A signed-in session's
    // challenge (a PIN change's confirmation) never signs anyone in here.
    const claimed = await tx.citizenSession.updateMany({
      where: { id: session.id, challenge: session.challenge, pinVerifiedAt: null },
      data: { challenge: null, registrationId: passkey.registrationId, passkeyVerifiedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("SIGN_IN_EXPIRED");
    await tx.device.update({ where: { id: passkey.deviceId }, data: { signCount: BigInt(passkey.newCounter) } });
  });
}
