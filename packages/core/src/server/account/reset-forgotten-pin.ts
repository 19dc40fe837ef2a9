import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { Db } from "@ktp/db";
import { fromUtcDate } from "../../universal/calendar.ts";
import { AppError } from "../../universal/errors.ts";
import { findPinProblem, type TSetPinRequest } from "../../universal/pin.ts";
import { maskEmail } from "../../universal/registration.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { decide } from "../face/compare-faces.ts";
import { describeFace } from "../face/face-model.ts";
import type { Mailer } from "../mail/mailer.ts";
import { hashToken } from "../secrets.ts";
import { hashPin } from "./pin-hash.ts";

// "Lupa PIN" (issue 13, item 3): on the bound phone, without a trip to the office. Three proofs,
// each from something else: the phone (its passkey and device key, the sign-in's first step), the
// registered mailbox (a six-digit code) and the face (a selfie matched with the e-KTP photo, a
// "match" only: nobody reviews it). Each is counted and limited; the reset belongs to one sign-in.

/** Minutes to finish once the code is sent (the sign-in waits as long). */
export const PIN_RESET_MINUTES = 15;
const MAX_CODE_ATTEMPTS = 5;
const MAX_SELFIE_ATTEMPTS = 3;
/** Resets started per registration a day (each sends an e-mail). */
const MAX_RESETS_PER_DAY = 3;

export interface PinResetState {
  email: string;
  expiresAt: Date;
  faceMatched: boolean;
  selfieAttemptsLeft: number;
}

/** The sign-in after its passkey step (not yet signed in): the only place a reset starts. */
async function passkeySession(db: Db, token: string | undefined) {
  const session = token
    ? await db.citizenSession.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, registrationId: true, passkeyVerifiedAt: true, pinVerifiedAt: true, endedAt: true, expiresAt: true },
      })
    : null;
  if (!session?.registrationId || !session.passkeyVerifiedAt || session.pinVerifiedAt || session.endedAt || session.expiresAt <= new Date()) throw new AppError("SIGN_IN_EXPIRED");
  return { id: session.id, registrationId: session.registrationId };
}

/** Where this sign-in's reset stands, or null when none was started. */
export async function readPinReset({ db, token }: { db: Db; token: string | undefined }): Promise<PinResetState | null> {
  const session = await passkeySession(db, token);
  const reset = await db.pinReset.findUnique({
    where: { sessionId: session.id },
    select: { expiresAt: true, usedAt: true, faceMatchedAt: true, selfieAttempts: true, registration: { select: { email: true } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt <= new Date()) return null;
  return { email: maskEmail(reset.registration.email), expiresAt: reset.expiresAt, faceMatched: reset.faceMatchedAt !== null, selfieAttemptsLeft: MAX_SELFIE_ATTEMPTS - reset.selfieAttempts };
}

/**
 * Sends the code to the registered e-mail and gives the sign-in PIN_RESET_MINUTES to finish. A
 * second start in the same sign-in sends a new code (the old one stops working) without resetting
 * the counts. At most MAX_RESETS_PER_DAY e-mails a day per registration.
 */
export async function startPinReset({ db, mailer, token, requestId }: { db: Db; mailer: Mailer; token: string | undefined; requestId?: string }): Promise<PinResetState> {
  const session = await passkeySession(db, token);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(Date.now() + PIN_RESET_MINUTES * 60_000);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`pin-reset:${session.registrationId}`}))`;
    const today = await tx.pinReset.count({ where: { registrationId: session.registrationId, createdAt: { gt: new Date(Date.now() - 86_400_000) } } });
    const existing = await tx.pinReset.findUnique({ where: { sessionId: session.id }, select: { id: true, usedAt: true } });
    if (existing?.usedAt) throw new AppError("SIGN_IN_EXPIRED");
    if (!existing && today >= MAX_RESETS_PER_DAY) throw new AppError("PIN_RESET_LIMIT");
    const reset = existing
      ? await tx.pinReset.update({ where: { id: existing.id }, data: { codeHash: "0".repeat(64), codeAttempts: 0, expiresAt }, select: { id: true } })
      : await tx.pinReset.create({ data: { sessionId: session.id, registrationId: session.registrationId, codeHash: "0".repeat(64), expiresAt }, select: { id: true } });
    await tx.pinReset.update({ where: { id: reset.id }, data: { codeHash: codeHash(reset.id, code) } });
    await tx.citizenSession.update({ where: { id: session.id }, data: { expiresAt } });
    await recordAudit(tx, { actorType: "CITIZEN", actorId: session.registrationId, registrationId: session.registrationId, action: "citizen.pin_reset.started", requestId });
    const registration = await tx.registration.findUniqueOrThrow({ where: { id: session.registrationId }, select: { email: true } });
    // Sent before the commit: if the mail server fails, no reset waits for a code nobody got.
    await mailer.send({ to: registration.email, ...codeMail(code) });
    const state = await tx.pinReset.findUniqueOrThrow({ where: { id: reset.id }, select: { faceMatchedAt: true, selfieAttempts: true } });
    return { email: maskEmail(registration.email), expiresAt, faceMatched: state.faceMatchedAt !== null, selfieAttemptsLeft: MAX_SELFIE_ATTEMPTS - state.selfieAttempts };
  });
}

/**
 * The selfie: one of MAX_SELFIE_ATTEMPTS comparisons, reserved before the face model runs, so
 * parallel uploads cannot buy more. Only a "match" passes (nobody reviews a "review" here).
 */
export async function submitPinResetSelfie({ db, token, readImage }: { db: Db; token: string | undefined; readImage: () => Promise<Uint8Array> }): Promise<PinResetState> {
  const session = await passkeySession(db, token);
  const reset = await db.pinReset.findUnique({ where: { sessionId: session.id }, select: { id: true, faceMatchedAt: true, registration: { select: { nik: true } } } });
  if (!reset) throw new AppError("PIN_RESET_NOT_STARTED");
  if (reset.faceMatchedAt) throw new AppError("WRONG_STEP");
  const image = await readImage();
  const [reserved] = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE app.pin_reset SET selfie_attempts = selfie_attempts + 1
    WHERE id = ${reset.id}::uuid AND used_at IS NULL AND expires_at > now() AND face_matched_at IS NULL AND selfie_attempts < ${MAX_SELFIE_ATTEMPTS}
    RETURNING selfie_attempts AS attempts`;
  if (!reserved) throw new AppError("PIN_RESET_SELFIE_EXHAUSTED");
  const photo = await db.fotoEktp.findUnique({ where: { nik: reset.registration.nik }, select: { gambar: true } });
  if (!photo) throw new AppError("EKTP_PHOTO_MISSING");
  const probe = await describeFace(image);
  const reference = await describeFace(photo.gambar).catch((cause) => {
    throw new AppError("EKTP_PHOTO_MISSING", { cause });
  });
  const { decision, score } = decide(probe.descriptor, reference.descriptor);
  if (decision !== "match") {
    const left = MAX_SELFIE_ATTEMPTS - reserved.attempts;
    if (left <= 0) throw new AppError("PIN_RESET_SELFIE_EXHAUSTED");
    throw new AppError("FACE_NO_MATCH", { details: { attemptsLeft: left } });
  }
  await db.pinReset.update({ where: { id: reset.id }, data: { faceMatchedAt: new Date(), matchScore: score } });
  return { ...(await readPinReset({ db, token }))! };
}

/**
 * The code and the new PIN. The code is checked in the statement that counts it (five tries), and
 * only after the face matched; the reset is used once. The PIN lockout is lifted: the reset is a
 * stronger proof than the PIN. The sign-in then waits for the new PIN, as after the passkey.
 */
export async function finishPinReset({
  db,
  mailer,
  token,
  code,
  request,
  pinPepper,
  requestId,
}: {
  db: Db;
  mailer: Mailer;
  token: string | undefined;
  code: string;
  request: TSetPinRequest;
  pinPepper: Uint8Array;
  requestId?: string;
}): Promise<void> {
  const session = await passkeySession(db, token);
  const reset = await db.pinReset.findUnique({ where: { sessionId: session.id }, select: { id: true, faceMatchedAt: true } });
  if (!reset) throw new AppError("PIN_RESET_NOT_STARTED");
  if (!reset.faceMatchedAt) throw new AppError("PIN_RESET_FACE_FIRST");
  const registration = await db.registration.findUniqueOrThrow({ where: { id: session.registrationId }, select: { nik: true, email: true } });
  const resident = await db.penduduk.findUnique({ where: { nik: registration.nik }, select: { tanggalLahir: true } });
  const problem = findPinProblem(request.pin, resident ? fromUtcDate(resident.tanggalLahir) : undefined);
  if (problem) throw new AppError(problem, { field: "pin" });

  const [counted] = await db.$queryRaw<{ matches: boolean; attempts: number }[]>`
    UPDATE app.pin_reset SET code_attempts = code_attempts + 1,
      used_at = CASE WHEN code_hash = ${codeHash(reset.id, code)} THEN now() ELSE NULL END
    WHERE id = ${reset.id}::uuid AND used_at IS NULL AND expires_at > now() AND face_matched_at IS NOT NULL AND code_attempts < ${MAX_CODE_ATTEMPTS}
    RETURNING used_at IS NOT NULL AS matches, code_attempts AS attempts`;
  if (!counted) throw new AppError("PIN_RESET_CODE_EXHAUSTED");
  if (!counted.matches) {
    const left = MAX_CODE_ATTEMPTS - counted.attempts;
    throw left > 0 ? new AppError("PIN_RESET_CODE_WRONG", { field: "code", details: { attemptsLeft: left } }) : new AppError("PIN_RESET_CODE_EXHAUSTED");
  }
  const pinHash = await hashPin(request.pin, pinPepper);
  await db.$transaction(async (tx) => {
    await tx.registration.update({ where: { id: session.registrationId }, data: { pinHash, pinFailures: 0, pinLockedUntil: null } });
    // Every other session ends; this sign-in goes on to the new PIN.
    await tx.citizenSession.updateMany({ where: { registrationId: session.registrationId, endedAt: null, id: { not: session.id } }, data: { endedAt: new Date() } });
    await recordAudit(tx, { actorType: "CITIZEN", actorId: session.registrationId, registrationId: session.registrationId, nik: registration.nik, action: "citizen.pin_reset", requestId });
  });
  // A notice, after the commit: a reset the citizen did not make is reported at the counter.
  await mailer.send({ to: registration.email, ...noticeMail() }).catch(() => undefined);
}

function codeHash(resetId: string, code: string): string {
  return createHash("sha256").update(`${resetId}:${code}`).digest("hex");
}

function codeMail(code: string) {
  const text = `Kode untuk mengatur ulang PIN KTP Digital Anda: ${code}

Kode berlaku ${PIN_RESET_MINUTES} menit dan hanya di ponsel tempat Anda memintanya. Jangan berikan kode
ini kepada siapa pun, termasuk petugas. Bila Anda tidak sedang mengatur ulang PIN, abaikan e-mail
ini dan kunci KTP Digital Anda.

SIAK Terpusat, Ditjen Dukcapil Kemendagri

---
Your code to reset the KTP Digital PIN: ${code}. It is valid for ${PIN_RESET_MINUTES} minutes, only on the phone
where you asked for it. Never share it, not even with an officer.`;
  const html = `<p>Kode untuk mengatur ulang PIN KTP Digital Anda:</p><p><strong>${code}</strong></p><p>Kode berlaku ${PIN_RESET_MINUTES} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas.</p><p>SIAK Terpusat, Ditjen Dukcapil Kemendagri</p><hr><p lang="en">Your code to reset the KTP Digital PIN. Valid ${PIN_RESET_MINUTES} minutes; never share it.</p>`;
  return { subject: "Kode atur ulang PIN KTP Digital", text, html };
}

function noticeMail() {
  const text = `PIN KTP Digital Anda baru saja diatur ulang di ponsel Anda, dengan kunci sandi, swafoto, dan kode e-mail.

Bila bukan Anda yang melakukannya, segera buka "Ponsel hilang" di KTP Digital atau datang ke loket
Disdukcapil dengan membawa e-KTP.

SIAK Terpusat, Ditjen Dukcapil Kemendagri

---
Your KTP Digital PIN was just reset on your phone. If it was not you, use "Lost phone" or visit a Disdukcapil counter.`;
  return { subject: "PIN KTP Digital Anda diatur ulang", text, html: `<p>${text.replace(/\n\n/g, "</p><p>").replace(/\n/g, " ")}</p>` };
}
