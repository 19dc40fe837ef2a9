import "server-only";
import { AppError } from "../../universal/errors.ts";
import type { LimitName, RateLimiter } from "../rate-limit.ts";
import { hashPassword, verifyPassword } from "@ktp/db/password-hash";

// The lockout shared by the officer's and the verifier staff's password sign-in. Each counts the
// attempt in the one UPDATE that checks the lock (officer-sign-in.ts, staff-sign-in.ts), so of a
// burst of parallel guesses at most LOCK_AFTER are ever checked; what happens when no attempt
// could be counted is the same for both, and lives here.

/** Wrong passwords in a row that lock an account, and for how long. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;

/** Verified when the account is unknown, so a wrong name takes as long as a wrong password. */
const DUMMY_HASH = hashPassword("not-a-password");

type LockedCode = "OFFICER_LOCKED" | "STAFF_LOCKED";

export function lockedError(code: LockedCode, msLeft: number): AppError {
  return new AppError(code, { details: { retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) } });
}

export interface UnclaimedAttempt {
  /** The account's lock, if the account exists. */
  lockedUntil: Date | null | undefined;
  limiter: RateLimiter;
  /** The per-subject budget an unknown account spends instead (officerSignInNip, staffSignInEmail). */
  limit: LimitName;
  subject: string;
  password: string;
  lockedCode: LockedCode;
  wrongCode: "OFFICER_CREDENTIALS_WRONG" | "STAFF_CREDENTIALS_WRONG";
}

/**
 * No attempt could be counted: the account is locked (said with Retry-After) or does not exist.
 * An unknown account spends the same budget as a real one and takes as long to refuse, so neither
 * the answer nor its timing tells whether it exists.
 */
export async function refuseUnclaimed({ lockedUntil, limiter, limit, subject, password, lockedCode, wrongCode }: UnclaimedAttempt): Promise<never> {
  if (lockedUntil) throw lockedError(lockedCode, lockedUntil.getTime() - Date.now());
  await limiter.consume(limit, subject).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "RATE_LIMITED" ? lockedError(lockedCode, Number(error.details?.retryAfterSeconds) * 1000) : error;
  });
  await verifyPassword(await DUMMY_HASH, password);
  throw new AppError(wrongCode);
}
