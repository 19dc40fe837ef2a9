import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

// Tokens and encryption at rest. Each app passes its APP_SECRET; keys for separate purposes are
// derived from it with HKDF, so one leaked key does not open the others.

/** A fresh 256-bit token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of a token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What each key derived from APP_SECRET is for: one key per purpose, never shared between two. */
export type KeyPurpose =
  | "selfie" /* selfies at rest (AES-256-GCM) */
  | "pin-pepper" /* the PIN's HMAC before argon2id */
  | "activation-qr" /* the counter QR's signature */
  | "activation-record" /* the officer's signed decision */
  | "issuer-keys" /* the sealed Ed25519 private keys */
  | "rate-limit"; /* keyed hashes of rate-limit subjects */

export function deriveKey(appSecret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret, "ktp-digital", purpose, 32));
}

/**
 * AES-256-GCM: iv (12) | tag (16) | ciphertext. `context` (e.g. the registration id) is
 * authenticated with it, so a sealed value copied to another row does not open there.
 */
export function seal(key: Buffer, plaintext: Uint8Array, context: string): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
}

export function unseal(key: Buffer, sealed: Uint8Array, context: string): Buffer {
  const data = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(data.subarray(12, 28));
  return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
}
