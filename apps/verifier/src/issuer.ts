import { deriveKey } from "@ktp/core/server/secrets";
import { env } from "./env.ts";

/** Seals the platform's signing keys at rest; the same derivation as the citizen app's. */
export const issuerSealKey = () => (sealKey ??= deriveKey(env().APP_SECRET, "issuer-keys"));
let sealKey: Buffer | undefined;
/** The identity tokens' issuer: the citizen app's public origin. */
export const issuer = () => env().CITIZEN_URL;
