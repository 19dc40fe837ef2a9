import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { SESSION_IDLE_MINUTES } from "../../universal/sign-in.ts";
import { hashToken, newToken } from "../secrets.ts";
import { checkPin } from "./check-pin.ts";

/**
 * Step two: the PIN, with the lockout of checkPin. A right PIN signs the session in under a new
 * token (the one that waited for the PIN is retired, so a token seen before sign-in is worthless).
 */
export async function finishPinSignIn({
  db,
  token,
  pin,
  pinPepper,
  requestId,
}: {
  db: Db;
  token: string | undefined;
  pin: string;
  pinPepper: Uint8Array;
  requestId?: string;
}): Promise<{ token: string }> {
  const session = token
    ? await db.citizenSession.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, registrationId: true, passkeyVerifiedAt: true, pinVerifiedAt: true, expiresAt: true, endedAt: true },
      })
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
