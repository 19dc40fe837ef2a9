import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { unseal } from "../secrets.ts";
import { loadEktpPhoto } from "../siak/load-ktp-card.ts";

/** The selfie (decrypted) or the e-KTP photo of an applicant waiting at this counter session. */
export async function applicantPhoto({
  db,
  counterSessionId,
  registrationId,
  which,
  selfieKey,
}: {
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
    const photo = await loadEktpPhoto({ db, nik: registration.nik });
    if (!photo) throw new AppError("EKTP_PHOTO_MISSING");
    return photo;
  }
  if (!registration.selfieEncrypted) throw new AppError("NOT_FOUND");
  return { bytes: new Uint8Array(unseal(selfieKey, registration.selfieEncrypted, registrationId)), mime: "image/jpeg" };
}
