import { deriveKey } from "@ktp/core/server/secrets";
import { env } from "./env.ts";

/** Seals the platform's signing keys at rest (packages/core/src/server/identity/issuer-keys.ts). */
export const issuerSealKey = () => (sealKey ??= deriveKey(env().APP_SECRET, "issuer-keys"));
let sealKey: Buffer | undefined;
/** The identity tokens' `iss`: this app's public origin, where the JWKS and status lists are. */
export const issuer = () => env().CITIZEN_URL;
