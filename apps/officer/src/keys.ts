import { deriveKey } from "@ktp/core/server/secrets";
import { env } from "./env.ts";

// Keys derived from APP_SECRET, one per purpose. The citizen app derives the same QR and selfie keys.
export const keys = {
  activationQr: () => deriveKey(env().APP_SECRET, "activation-qr"),
  activationRecord: () => deriveKey(env().APP_SECRET, "activation-record"),
  selfie: () => deriveKey(env().APP_SECRET, "selfie"),
};
