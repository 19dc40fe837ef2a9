import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { FaceDecision } from "../../universal/face.ts";
import { MAX_SELFIE_ATTEMPTS, type RegistrationView } from "../../universal/registration.ts";
import { decide } from "../face/compare-faces.ts";
import { describeFace } from "../face/face-model.ts";
import { seal } from "../secrets.ts";
import { getRegistration, toRegistrationView } from "./registration-view.ts";

export interface SubmitSelfieOptions {
  db: Db;
  resumeToken: string | undefined;
  image: Uint8Array;
  /** Key for selfies at rest (deriveKey(APP_SECRET, "selfie")). */
  selfieKey: Buffer;
}

export interface SelfieResult {
  registration: RegistrationView;
  decision: Exclude<FaceDecision, "no_match">;
  score: number;
}

/**
 * Matches a selfie with the e-KTP photo. A photo that cannot be used is refused with its reason
 * and costs no attempt; each real comparison costs one, and the third failure sends the citizen
 * to the counter. The selfie is kept, encrypted, for the officer who decides.
 */
export async function submitSelfie({ db, resumeToken, image, selfieKey }: SubmitSelfieOptions): Promise<SelfieResult> {
  const registration = await getRegistration({ db, resumeToken });
  if (registration.step === "COUNTER_REQUIRED") throw new AppError("SELFIE_ATTEMPTS_EXHAUSTED");
  if (registration.step !== "SELFIE") throw new AppError("WRONG_STEP");

  const photo = await db.fotoEktp.findUnique({ where: { nik: registration.nik }, select: { gambar: true } });
  if (!photo) throw new AppError("EKTP_PHOTO_MISSING");
  // The selfie first: an unusable one is refused before the e-KTP photo costs anything.
  const probe = await describeFace(image);
  const reference = await describeFace(photo.gambar).catch((cause) => {
    throw new AppError("EKTP_PHOTO_MISSING", { cause });
  });

  // Reserve the attempt atomically and learn its number from the same statement: parallel
  // submissions each get their own number and none gets past the third.
  const [reserved] = await db.$queryRaw<{ attempts: number }[]>`
    UPDATE app.registration SET selfie_attempts = selfie_attempts + 1, updated_at = now()
    WHERE id = ${registration.id}::uuid AND step = 'SELFIE' AND selfie_attempts < ${MAX_SELFIE_ATTEMPTS}
    RETURNING selfie_attempts AS attempts`;
  if (!reserved) throw new AppError("SELFIE_ATTEMPTS_EXHAUSTED");
  const attempts = reserved.attempts;

  const { decision, score } = decide(probe.descriptor, reference.descriptor);
  const evidence = { selfieEncrypted: seal(selfieKey, image), matchScore: score, matchDecision: decision };
  if (decision === "no_match") {
    if (attempts >= MAX_SELFIE_ATTEMPTS) {
      await db.registration.update({ where: { id: registration.id }, data: { ...evidence, step: "COUNTER_REQUIRED" } });
      throw new AppError("SELFIE_ATTEMPTS_EXHAUSTED");
    }
    throw new AppError("FACE_NO_MATCH", { details: { attemptsLeft: MAX_SELFIE_ATTEMPTS - attempts } });
  }
  const moved = await db.registration.updateMany({ where: { id: registration.id, step: "SELFIE" }, data: { ...evidence, step: "PIN" } });
  if (moved.count === 0) throw new AppError("WRONG_STEP");
  const updated = await db.registration.findUniqueOrThrow({
    where: { id: registration.id },
    select: { id: true, nik: true, email: true, step: true, selfieAttempts: true },
  });
  return { registration: await toRegistrationView(db, updated), decision, score };
}

