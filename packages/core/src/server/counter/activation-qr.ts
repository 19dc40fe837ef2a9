import "server-only";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import QRCode from "qrcode";
import type { Db } from "@ktp/db";
import { QR_LIFETIME_SECONDS, type TScanQrRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { loadZxing, readableMask } from "../../universal/qr-readback.ts";
import type { RegistrationView } from "../../universal/registration.ts";
import { getRegistration, toRegistrationView } from "../activation/registration-view.ts";
import { type DeviceKeyJwk, verifyDeviceSignature } from "../device-key.ts";

// The counter's activation QR: a compact JWS (HS256) naming the counter session and a one-time
// id, valid 60 s. The signature stops forgeries, the database row makes it single use, and the
// citizen's scan must be signed by the device key bound at registration.

export interface ActivationQr {
  qr: string;
  /** The code as SVG, already checked to be readable by the scanner the citizen app uses. */
  svg: string;
  expiresAt: Date;
}

export async function issueActivationQr({ db, counterSessionId, qrKey }: { db: Db; counterSessionId: string; qrKey: Uint8Array }): Promise<ActivationQr> {
  for (;;) {
    const row = await db.counterQr.create({
      data: { counterSessionId, expiresAt: new Date(Date.now() + QR_LIFETIME_SECONDS * 1000) },
      select: { id: true, expiresAt: true },
    });
    const qr = await new SignJWT({ sid: counterSessionId })
      .setProtectedHeader({ alg: "HS256" })
      .setJti(row.id)
      .setExpirationTime(Math.floor(row.expiresAt.getTime() / 1000))
      .sign(qrKey);
    const maskPattern = readableMask(await loadZxing(), qr);
    // Rarely no mask reads back; a new id gives a new code.
    if (maskPattern === null) continue;
    const svg = await QRCode.toString(qr, { type: "svg", errorCorrectionLevel: "M", maskPattern, margin: 4 });
    return { qr, svg, expiresAt: row.expiresAt };
  }
}

export interface ScanActivationQrOptions {
  db: Db;
  resumeToken: string | undefined;
  request: TScanQrRequest;
  qrKey: Uint8Array;
  now?: Date;
}

/** The citizen's phone scanned a counter's QR: it joins that counter's queue, once per code. */
export async function scanActivationQr({ db, resumeToken, request, qrKey, now = new Date() }: ScanActivationQrOptions): Promise<RegistrationView> {
  const registration = await getRegistration({ db, resumeToken });
  if (registration.step !== "COUNTER") throw new AppError("WRONG_STEP");
  const claims = await jwtVerify(request.qr, qrKey, { algorithms: ["HS256"], currentDate: now, requiredClaims: ["jti", "exp", "sid"] }).then(
    ({ payload }) => payload as { jti: string; sid: string },
    (cause) => {
      throw new AppError(cause instanceof joseErrors.JWTExpired ? "QR_EXPIRED" : "QR_INVALID", { cause });
    },
  );

  // Checked before the code is claimed, so a second phone cannot use up the citizen's QR.
  const device = await db.device.findUnique({ where: { registrationId: registration.id }, select: { deviceKey: true, revokedAt: true } });
  if (!device || device.revokedAt || !(await verifyDeviceSignature(device.deviceKey as unknown as DeviceKeyJwk, request.deviceKeySignature, request.qr))) {
    throw new AppError("DEVICE_KEY_INVALID");
  }

  await db.$transaction(async (tx) => {
    const claimed = await tx.counterQr.updateMany({
      where: { id: claims.jti, counterSessionId: claims.sid, usedAt: null, expiresAt: { gt: now }, counterSession: { endedAt: null, expiresAt: { gt: now } } },
      data: { usedAt: now, usedBy: registration.id },
    });
    if (claimed.count === 0) {
      const qr = await tx.counterQr.findUnique({ where: { id: claims.jti }, select: { usedAt: true, counterSessionId: true } });
      if (!qr || qr.counterSessionId !== claims.sid) throw new AppError("QR_INVALID");
      throw new AppError(qr.usedAt ? "QR_USED" : "QR_EXPIRED");
    }
    const joined = await tx.registration.updateMany({
      where: { id: registration.id, step: "COUNTER" },
      data: { counterSessionId: claims.sid, scannedAt: now },
    });
    if (joined.count === 0) throw new AppError("WRONG_STEP");
  });
  return toRegistrationView(db, { ...registration, counterSessionId: claims.sid });
}
