import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { FaceDecision } from "../../universal/face.ts";
import { MAX_SELFIE_ATTEMPTS, MAX_SELFIE_UPLOADS, type RegistrationView } from "../../universal/registration.ts";
import { decide } from "../face/compare-faces.ts";
import { describeFace } from "../face/face-model.ts";
import { seal } from "../secrets.ts";
import { getRegistration, toRegistrationView } from "./registration-view.ts";

export interface SubmitSelfieOptions {
  db: Db;
  resumeToken: string | undefined;
  /** Reads the photo; called only once the registration is known, so a stranger's upload is never read. */
  readImage: () => Promise<Uint8Array>;
  /** Key for selfies at rest (deriveKey(APP_SECRET, "selfie")). */
  selfieKey: Buffer;
}

export interface SelfieResult {
  registration: RegistrationView;
  decision: Exclude<FaceDecision, "no_match">;
  score: number;
}

/**
 * Matches a selfie with the e-KTP photo. Every upload is counted (detection costs the server about
 * a second), up to MAX_SELFIE_UPLOADS; every real comparison costs one of MAX_SELFIE_ATTEMPTS.
 * Both belong to this registration, not to the NIK: a stranger's failures never touch the
 * owner's. The first registration whose face matches goes on; the others waiting at the selfie end.
 */
export async function submitSelfie({ db, resumeToken, readImage, selfieKey }: SubmitSelfieOptions): Promise<SelfieResult> {
  const registration = await getRegistration({ db, resumeToken });
  if (registration.step === "COUNTER_REQUIRED") throw new AppError("SELFIE_ATTEMPTS_EXHAUSTED");
  if (registration.step !== "SELFIE") throw new AppError("WRONG_STEP");
  const image = await readImage();

  const [upload] = await db.$queryRaw<{ uploads: number }[]>`
    UPDATE app.registration SET selfie_uploads = selfie_uploads + 1, updated_at = now()
    WHERE id = ${registration.id}::uuid AND step = 'SELFIE' AND selfie_uploads < ${MAX_SELFIE_UPLOADS}
    RETURNING selfie_uploads AS uploads`;
  if (!upload) return sendToCounter(db, registration.id);
  const lastUpload = upload.uploads >= MAX_SELFIE_UPLOADS;

  const photo = await db.fotoEktp.findUnique({ where: { nik: registration.nik }, select: { gambar: true } });
  if (!photo) throw new AppError("EKTP_PHOTO_MISSING");
  // The selfie first: an unusable one is refused before the e-KTP photo costs anything. It still
  // used up an upload; the last one sends the registration to the counter.
  const probe = await describeFace(image).catch(async (error: unknown) => {
    if (lastUpload && error instanceof AppError) await sendToCounter(db, registration.id);
    throw error;
  });
  const reference = await describeFace(photo.gambar).catch((cause) => {
    throw new AppError("EKTP_PHOTO_MISSING", { cause });
  });

  const { decision, score } = decide(probe.descriptor, reference.descriptor);
  const evidence = { selfieEncrypted: seal(selfieKey, image, registration.id), matchScore: score, matchDecision: decision };
  if (decision === "no_match") {
    // The attempt and, on the last one, the move to the counter commit together: a crash between
    // them would leave a registration at the selfie with no attempt left.
    const attempts = await db.$transaction(async (tx) => {
      const reserved = await reserveAttempt(tx, registration.id);
      const last = reserved !== null && (reserved >= MAX_SELFIE_ATTEMPTS || lastUpload);
      if (last) await tx.registration.updateMany({ where: { id: registration.id, step: "SELFIE" }, data: { ...evidence, step: "COUNTER_REQUIRED" } });
      return reserved;
    });
    if (attempts === null || attempts >= MAX_SELFIE_ATTEMPTS || lastUpload) throw new AppError("SELFIE_ATTEMPTS_EXHAUSTED");
    throw new AppError("FACE_NO_MATCH", { details: { attemptsLeft: MAX_SELFIE_ATTEMPTS - attempts } });
  }
  await passSelfie(db, { id: registration.id, nik: registration.nik }, evidence, ["SELFIE"], { spendAttempt: true });
  const updated = await db.registration.findUniqueOrThrow({
    where: { id: registration.id },
    select: { id: true, nik: true, email: true, step: true, selfieAttempts: true },
  });
  return { registration: await toRegistrationView(db, updated), decision, score };
}

/**
 * Reserves one selfie comparison and returns its number, or null when none is left (or the
 * registration left the selfie): parallel submissions each get their own number, none past the last.
 */
async function reserveAttempt(tx: Pick<Db, "$queryRaw">, registrationId: string): Promise<number | null> {
  const [reserved] = await tx.$queryRaw<{ attempts: number }[]>`
    UPDATE app.registration SET selfie_attempts = selfie_attempts + 1, updated_at = now()
    WHERE id = ${registrationId}::uuid AND step = 'SELFIE' AND selfie_attempts < ${MAX_SELFIE_ATTEMPTS}
    RETURNING selfie_attempts AS attempts`;
  return reserved?.attempts ?? null;
}

/**
 * Moves a registration from the selfie to the PIN step and ends the others of its NIK still
 * waiting at the selfie or the counter-required dead end. Also used by the officer who checked
 * the face in person. `spendAttempt` counts the matching comparison in the same transaction.
 */
export async function passSelfie(
  db: Db,
  registration: { id: string; nik: string },
  evidence: { selfieEncrypted?: Uint8Array<ArrayBuffer> | null; matchScore?: number; matchDecision?: FaceDecision } = {},
  from: ("SELFIE" | "COUNTER_REQUIRED")[] = ["SELFIE"],
  { spendAttempt = false } = {},
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registration:${registration.nik}`}))`;
    const ahead = await tx.registration.findFirst({
      where: { nik: registration.nik, id: { not: registration.id }, step: { in: ["PIN", "DEVICE", "COUNTER", "EMAIL", "ACTIVE"] } },
      select: { step: true },
    });
    if (ahead) throw new AppError(ahead.step === "ACTIVE" ? "ALREADY_ACTIVE" : "REGISTRATION_IN_PROGRESS");
    if (spendAttempt && (await reserveAttempt(tx, registration.id)) === null) throw new AppError("SELFIE_ATTEMPTS_EXHAUSTED");
    const moved = await tx.registration.updateMany({ where: { id: registration.id, step: { in: from } }, data: { ...evidence, step: "PIN" } });
    if (moved.count === 0) throw new AppError("WRONG_STEP");
    await tx.registration.updateMany({
      where: { nik: registration.nik, id: { not: registration.id }, step: { in: ["SELFIE", "COUNTER_REQUIRED"] } },
      data: { step: "SUPERSEDED", selfieEncrypted: null },
    });
  });
}

async function sendToCounter(db: Db, registrationId: string): Promise<never> {
  await db.registration.updateMany({ where: { id: registrationId, step: "SELFIE" }, data: { step: "COUNTER_REQUIRED" } });
  throw new AppError("SELFIE_ATTEMPTS_EXHAUSTED");
}
