import argon2 from "argon2";

// How passwords are stored: argon2id at OWASP's minimum profile (19 MiB, 2 passes, about 20 ms
// here). One place for the app's sign-ins and PINs (core/server/account/pin-hash.ts), the seeder
// and the test factories (@ktp/testing), which all write the same columns.

export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** An officer's or a verifier staff member's password. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}
