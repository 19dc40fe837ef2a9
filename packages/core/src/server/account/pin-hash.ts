import { createHmac } from "node:crypto";
import argon2 from "argon2";

// No "server-only" here: the seed and the test fixtures (run outside Next's react-server
// condition) hash their passwords with these same options. Lint keeps client files out of
// core/server (docs/decisions/021-lint.md).

/**
 * argon2id at OWASP's minimum profile (19 MiB, 2 passes, about 20 ms here), for PINs, officer
 * passwords, the seeder and the fixtures alike.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** An officer's or a verifier staff member's password. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

/**
 * A six-digit PIN has a million values, so a leaked hash alone would fall to brute force. The PIN
 * is first keyed with a pepper that lives only in configuration (HMAC-SHA-256), then hashed:
 * the database without the configuration does not reveal it.
 */
export function hashPin(pin: string, pepper: Uint8Array): Promise<string> {
  return argon2.hash(peppered(pin, pepper), PASSWORD_HASH_OPTIONS);
}

export function verifyPin(hash: string, pin: string, pepper: Uint8Array): Promise<boolean> {
  return argon2.verify(hash, peppered(pin, pepper));
}

function peppered(pin: string, pepper: Uint8Array): string {
  return createHmac("sha256", pepper).update(pin).digest("base64");
}
