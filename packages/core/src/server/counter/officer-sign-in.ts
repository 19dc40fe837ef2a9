import "server-only";
import type { Db } from "@ktp/db";
import type { TOfficerSignInRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { LOCK_AFTER, LOCK_MINUTES, refuseUnclaimed } from "../account/password-lockout.ts";
import { verifyPassword } from "@ktp/db/password-hash";
import { recordAudit } from "../audit/record-audit.ts";
import type { RateLimiter } from "../rate-limit.ts";
import { hashToken, newToken } from "../secrets.ts";
import { OFFICER_SESSION_HOURS } from "./officer-session.ts";

// An officer signs in with NIP and password at one counter of their own Dinas, which opens the
// counter session (officer-session.ts).

export interface SignInOfficerOptions {
  db: Db;
  request: TOfficerSignInRequest;
  limiter: RateLimiter;
  requestId?: string;
}

export async function signInOfficer({ db, request, limiter, requestId }: SignInOfficerOptions): Promise<{ token: string; expiresAt: Date }> {
  const counter = await db.counter.findUnique({ where: { code: request.counter }, select: { id: true, kabupatenKode: true } });
  if (!counter) throw new AppError("COUNTER_UNKNOWN", { field: "counter" });

  // The attempt is counted in the same statement that checks the lock, before the password is
  // checked: of any burst of parallel guesses, at most LOCK_AFTER are ever checked.
  const [claimed] = await db.$queryRaw<{ id: string; password_hash: string; kabupaten_kode: string | null; failures: number }[]>`
    UPDATE app.officer
    SET failed_logins = CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END,
        locked_until = CASE WHEN (CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END) >= ${LOCK_AFTER}
          THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE NULL END
    WHERE nip = ${request.nip} AND (locked_until IS NULL OR locked_until <= now())
    RETURNING id, password_hash, kabupaten_kode, failed_logins AS failures`;

  if (!claimed) {
    const account = await db.officer.findUnique({ where: { nip: request.nip }, select: { lockedUntil: true } });
    return refuseUnclaimed({
      lockedUntil: account?.lockedUntil,
      limiter,
      limit: "officerSignInNip",
      subject: request.nip,
      password: request.password,
      lockedCode: "OFFICER_LOCKED",
      wrongCode: "OFFICER_CREDENTIALS_WRONG",
    });
  }

  if (!(await verifyPassword(claimed.password_hash, request.password))) {
    await recordAudit(db, { actorType: "OFFICER", actorId: claimed.id, action: claimed.failures >= LOCK_AFTER ? "officer.locked" : "officer.sign_in_failed", counterId: counter.id, requestId });
    throw new AppError("OFFICER_CREDENTIALS_WRONG");
  }
  // Cleared only if no other attempt was counted since this one: a right password inside a burst
  // of guesses signs in, but does not lift the lock the guesses earned.
  await db.officer.updateMany({ where: { id: claimed.id, failedLogins: claimed.failures }, data: { failedLogins: 0, lockedUntil: null } });
  if (!claimed.kabupaten_kode || claimed.kabupaten_kode !== counter.kabupatenKode) {
    await recordAudit(db, { actorType: "OFFICER", actorId: claimed.id, action: "officer.sign_in_wrong_region", counterId: counter.id, requestId });
    throw new AppError("OFFICER_WRONG_REGION", { field: "counter" });
  }

  const token = newToken();
  const expiresAt = new Date(Date.now() + OFFICER_SESSION_HOURS * 3600_000);
  await db.$transaction([
    db.counterSession.create({ data: { officerId: claimed.id, counterId: counter.id, tokenHash: hashToken(token), expiresAt } }),
    db.auditEvent.create({ data: { actorType: "OFFICER", actorId: claimed.id, action: "officer.sign_in", counterId: counter.id, requestId } }),
  ]);
  return { token, expiresAt };
}
