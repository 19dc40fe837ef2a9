import "server-only";
import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { Db } from "@ktp/db";
import type { TDecisionRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { sendActivationEmail } from "../activation/send-activation-email.ts";
import { type DeviceKeyJwk, deviceKeyThumbprint } from "../device-key.ts";
import type { Mailer } from "../mail/mailer.ts";

// The officer's decision at the counter, kept as a signed activation record.

export interface DecideOptions {
  db: Db;
  counterSessionId: string;
  registrationId: string;
  request: TDecisionRequest;
  recordKey: Uint8Array;
  mailer: Mailer;
  citizenUrl: string;
}

/**
 * The officer approves or refuses an applicant at their counter. Either way the selfie is erased
 * and a signed record (officer, counter, device key, time) is kept; an approval sends the
 * activation e-mail. A failed e-mail leaves the approval standing: the citizen can resend it.
 */
export async function decideActivation({ db, counterSessionId, registrationId, request, recordKey, mailer, citizenUrl }: DecideOptions) {
  const refusal = request.decision === "REFUSED" ? { refusalReason: request.reason, refusalNote: request.note || null } : { refusalReason: null, refusalNote: null };
  if (request.decision === "REFUSED" && request.reason === "OTHER" && !request.note) throw new AppError("REFUSAL_REASON_REQUIRED", { field: "note" });

  const record = await db.$transaction(async (tx) => {
    const decidedAt = new Date();
    const moved = await tx.registration.updateMany({
      where: { id: registrationId, counterSessionId, step: "COUNTER" },
      data: { step: request.decision === "APPROVED" ? "EMAIL" : "REFUSED", selfieEncrypted: null },
    });
    if (moved.count === 0) {
      const decided = await tx.activationRecord.findUnique({ where: { registrationId }, select: { counterSessionId: true } });
      throw new AppError(decided?.counterSessionId === counterSessionId ? "ALREADY_DECIDED" : "APPLICANT_NOT_FOUND");
    }
    const registration = await tx.registration.findUniqueOrThrow({
      where: { id: registrationId },
      select: { nik: true, matchScore: true, device: { select: { deviceKey: true } } },
    });
    const session = await tx.counterSession.findUniqueOrThrow({
      where: { id: counterSessionId },
      select: { officer: { select: { id: true, nip: true } }, counter: { select: { id: true, code: true } } },
    });
    const claims = {
      registration: registrationId,
      nik: registration.nik,
      officer: session.officer.nip,
      counter: session.counter.code,
      counterSession: counterSessionId,
      decision: request.decision,
      ...refusal,
      deviceKey: registration.device ? deviceKeyThumbprint(registration.device.deviceKey as unknown as DeviceKeyJwk) : "",
      matchScore: registration.matchScore,
    };
    const id = randomUUID();
    const signature = await new SignJWT({ ...claims, typ: "ktp-activation-record" })
      .setProtectedHeader({ alg: "HS256" })
      .setJti(id)
      .setIssuedAt(Math.floor(decidedAt.getTime() / 1000))
      .sign(recordKey);
    return tx.activationRecord.create({
      data: {
        id,
        registrationId,
        officerId: session.officer.id,
        counterId: session.counter.id,
        counterSessionId,
        decision: request.decision,
        ...refusal,
        deviceKeyThumbprint: claims.deviceKey,
        matchScore: registration.matchScore,
        decidedAt,
        signature,
      },
      select: { id: true, decision: true, decidedAt: true, signature: true },
    });
  });

  let emailSent = false;
  if (request.decision === "APPROVED") {
    emailSent = await sendActivationEmail({ db, mailer, registrationId, citizenUrl }).then(
      () => true,
      (error) => {
        console.error("Activation e-mail after approval failed; the citizen can resend it.", error);
        return false;
      },
    );
  }
  return { ...record, emailSent };
}

/** The claims of an activation record whose signature holds; throws on any tampering. */
export async function verifyActivationRecord(signature: string, recordKey: Uint8Array) {
  const { payload } = await jwtVerify(signature, recordKey, { algorithms: ["HS256"], typ: undefined });
  if (payload.typ !== "ktp-activation-record") throw new Error("Not an activation record.");
  return payload;
}
