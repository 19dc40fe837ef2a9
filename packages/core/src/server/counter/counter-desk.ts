import "server-only";
import { randomUUID } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import type { Db } from "@ktp/db";
import type { TDecisionRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import type { KtpCard } from "../../universal/ktp-card.ts";
import { sendActivationEmail } from "../activation/send-activation-email.ts";
import { type DeviceKeyJwk, deviceKeyThumbprint } from "../device-key.ts";
import type { Mailer } from "../mail/mailer.ts";
import { unseal } from "../secrets.ts";
import { loadEktpPhoto, loadKtpCard } from "../siak/load-ktp-card.ts";

// The officer's side of the counter: who scanned this counter's QR, their photos and SIAK data,
// and the decision, kept as a signed activation record.

export interface Applicant {
  id: string;
  scannedAt: Date;
  card: KtpCard;
  email: string;
  phone: string;
  matchScore: number | null;
  matchDecision: "match" | "review" | "no_match" | null;
  selfieAttempts: number;
  hasSelfie: boolean;
  /** The passkey may be synced to other devices (WebAuthn BE) or is synced now (BS). */
  passkeySynced: { eligible: boolean; now: boolean };
}

/** Everyone waiting for this counter session's decision, first come first. */
export async function listApplicants({ db, counterSessionId }: { db: Db; counterSessionId: string }): Promise<Applicant[]> {
  const waiting = await db.registration.findMany({
    where: { counterSessionId, step: "COUNTER" },
    orderBy: { scannedAt: "asc" },
    select: {
      id: true, nik: true, email: true, phone: true, scannedAt: true, matchScore: true, matchDecision: true, selfieAttempts: true,
      device: { select: { backupEligible: true, backedUp: true } },
    },
  });
  const withSelfie = new Set(
    (await db.registration.findMany({ where: { id: { in: waiting.map((r) => r.id) }, selfieEncrypted: { not: null } }, select: { id: true } })).map((r) => r.id),
  );
  const applicants: Applicant[] = [];
  for (const r of waiting) {
    const card = await loadKtpCard(db, r.nik);
    if (!card) continue;
    applicants.push({
      id: r.id,
      scannedAt: r.scannedAt!,
      card,
      email: r.email,
      phone: r.phone,
      matchScore: r.matchScore,
      matchDecision: r.matchDecision,
      selfieAttempts: r.selfieAttempts,
      hasSelfie: withSelfie.has(r.id),
      passkeySynced: { eligible: r.device?.backupEligible ?? false, now: r.device?.backedUp ?? false },
    });
  }
  return applicants;
}

/** The selfie (decrypted) or the e-KTP photo of an applicant waiting at this counter session. */
export async function applicantPhoto({ db, counterSessionId, registrationId, which, selfieKey }: {
  db: Db;
  counterSessionId: string;
  registrationId: string;
  which: "selfie" | "ektp";
  selfieKey: Buffer;
}): Promise<{ bytes: Uint8Array; mime: string }> {
  const registration = await db.registration.findFirst({
    where: { id: registrationId, counterSessionId, step: "COUNTER" },
    select: { nik: true, selfieEncrypted: true },
  });
  if (!registration) throw new AppError("APPLICANT_NOT_FOUND");
  if (which === "ektp") {
    const photo = await loadEktpPhoto(db, registration.nik);
    if (!photo) throw new AppError("EKTP_PHOTO_MISSING");
    return photo;
  }
  if (!registration.selfieEncrypted) throw new AppError("NOT_FOUND");
  return { bytes: new Uint8Array(unseal(selfieKey, registration.selfieEncrypted, registrationId)), mime: "image/jpeg" };
}

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
  const reason = request.decision === "REFUSED" ? (request.note ? `${request.reason}: ${request.note}` : request.reason) : null;
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
      reason,
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
        reason,
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
