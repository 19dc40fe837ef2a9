import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { PIN_LOCKOUT, pinLockSeconds } from "../../universal/pin.ts";
import { verifyPin } from "./pin-hash.ts";

/**
 * Checks a citizen's PIN. Every check counts as wrong until proven right, in the same statement
 * that applies the lock, so parallel guesses cannot slip past it: from the 5th wrong PIN a lock
 * of 30 s that doubles each time, and at the 10th only an officer at the counter can reopen it.
 */
export async function checkPin({ db, registrationId, pin, pinPepper }: { db: Db; registrationId: string; pin: string; pinPepper: Uint8Array }): Promise<void> {
  const [claimed] = await db.$queryRaw<{ pin_hash: string | null; failures: number }[]>`
    UPDATE app.registration
    SET pin_failures = pin_failures + 1,
        pin_locked_until = CASE WHEN pin_failures + 1 >= ${PIN_LOCKOUT.delayFrom}
          THEN now() + make_interval(secs => ${PIN_LOCKOUT.firstDelaySeconds} * power(2, pin_failures + 1 - ${PIN_LOCKOUT.delayFrom}))
          ELSE NULL END
    WHERE id = ${registrationId}::uuid AND pin_hash IS NOT NULL
      AND pin_failures < ${PIN_LOCKOUT.counterAt} AND (pin_locked_until IS NULL OR pin_locked_until <= now())
    RETURNING pin_hash, pin_failures AS failures`;

  if (!claimed) {
    const state = await db.registration.findUnique({ where: { id: registrationId }, select: { pinFailures: true, pinLockedUntil: true, pinHash: true } });
    if (!state?.pinHash) throw new AppError("WRONG_STEP");
    if (state.pinFailures >= PIN_LOCKOUT.counterAt) throw new AppError("PIN_LOCKED_COUNTER");
    const retryAfterSeconds = Math.max(1, Math.ceil(((state.pinLockedUntil?.getTime() ?? 0) - Date.now()) / 1000));
    throw new AppError("PIN_LOCKED", { details: { retryAfterSeconds } });
  }

  if (await verifyPin(claimed.pin_hash!, pin, pinPepper)) {
    await db.registration.update({ where: { id: registrationId }, data: { pinFailures: 0, pinLockedUntil: null } });
    return;
  }
  if (claimed.failures >= PIN_LOCKOUT.counterAt) throw new AppError("PIN_LOCKED_COUNTER");
  const lock = pinLockSeconds(claimed.failures);
  throw new AppError("PIN_WRONG", {
    details: { attemptsBeforeCounter: PIN_LOCKOUT.counterAt - claimed.failures, ...(lock ? { retryAfterSeconds: lock } : {}) },
  });
}
