import "server-only";
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import type { Db } from "@ktp/db";
import { DEVICE_CHALLENGE_SECONDS, type RelyingParty } from "../../universal/device.ts";
import { AppError } from "../../universal/errors.ts";
import { maskName } from "../../universal/mask-name.ts";
import { getRegistration } from "./registration-view.ts";

/** Options for navigator.credentials.create(): a platform passkey with user verification. */
export async function beginDeviceBinding({ db, resumeToken, rp }: { db: Db; resumeToken: string | undefined; rp: RelyingParty }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const registration = await getRegistration({ db, resumeToken });
  if (registration.step !== "DEVICE") throw new AppError("WRONG_STEP");
  const resident = await db.penduduk.findUnique({ where: { nik: registration.nik }, select: { nama: true } });
  const options = await generateRegistrationOptions({
    rpName: "KTP Digital",
    rpID: rp.id,
    userID: new Uint8Array(Buffer.from(registration.id.replaceAll("-", ""), "hex")),
    userName: `KTP Digital ${registration.nik.slice(0, 6)}••••••${registration.nik.slice(12)}`,
    userDisplayName: `KTP Digital · ${maskName(resident?.nama ?? "")}`,
    attestationType: "none",
    authenticatorSelection: { authenticatorAttachment: "platform", residentKey: "required", userVerification: "required" },
    timeout: 60_000,
  });
  await db.registration.update({
    where: { id: registration.id },
    data: { deviceChallenge: options.challenge, deviceChallengeExpiresAt: new Date(Date.now() + DEVICE_CHALLENGE_SECONDS * 1000) },
  });
  return options;
}
