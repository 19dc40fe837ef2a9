import "server-only";
import type { Db, OfficerRole } from "@ktp/db";
import type { TOfficerSignInRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { hashPassword, verifyPassword } from "../account/pin-hash.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { RateLimiter } from "../rate-limit.ts";
import { hashToken, newToken } from "../secrets.ts";

// An officer signs in with NIP and password at one counter of their own Dinas. The session is
// both the console's sign-in and the counter session its activation QRs are bound to.

export const OFFICER_SESSION_HOURS = 10;
/** A console left alone this long signs out. */
export const OFFICER_IDLE_MINUTES = 30;
const LOCK_AFTER = 5;
const LOCK_MINUTES = 15;
/** Verified when the NIP is unknown, so a wrong NIP takes as long as a wrong password. */
const DUMMY_HASH = hashPassword("not-a-password");


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
    const locked = await db.officer.findUnique({ where: { nip: request.nip }, select: { lockedUntil: true } });
    if (locked?.lockedUntil) throw lockedError(locked.lockedUntil.getTime() - Date.now());
    // No such NIP: the same budget as a real account, so "locked" tells nothing about existence.
    await limiter.consume("officerSignInNip", request.nip).catch((error: unknown) => {
      throw error instanceof AppError && error.code === "RATE_LIMITED" ? lockedError(Number(error.details?.retryAfterSeconds) * 1000) : error;
    });
    await verifyPassword(await DUMMY_HASH, request.password);
    throw new AppError("OFFICER_CREDENTIALS_WRONG");
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

function lockedError(msLeft: number) {
  return new AppError("OFFICER_LOCKED", { details: { retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) } });
}

export type CounterSessionView = Awaited<ReturnType<typeof getCounterSession>>;

/**
 * The open counter session behind an officer's cookie; OFFICER_SIGNED_OUT once it ended, expired or
 * saw no officer action for OFFICER_IDLE_MINUTES. `activity: false` for the console's own polling
 * (queue, QR renewal), which must not keep an unattended console signed in.
 */
export async function getCounterSession({ db, token, activity = true }: { db: Db; token: string | undefined; activity?: boolean }) {
  const [touched] = token
    ? await db.$queryRaw<{ id: string }[]>`
        UPDATE app.counter_session SET last_seen_at = CASE WHEN ${activity} THEN now() ELSE last_seen_at END
        WHERE token_hash = ${hashToken(token)} AND ended_at IS NULL AND expires_at > now()
          AND last_seen_at > now() - make_interval(mins => ${OFFICER_IDLE_MINUTES})
        RETURNING id`
    : [];
  if (!touched) throw new AppError("OFFICER_SIGNED_OUT");
  const session = await db.counterSession.findUniqueOrThrow({
    where: { id: touched.id },
    select: {
      id: true,
      officer: { select: { id: true, nip: true, nama: true, kabupatenKode: true, role: true } },
      counter: { select: { id: true, code: true, name: true, kabupatenKode: true } },
    },
  });
  return { id: session.id, officer: session.officer, counter: session.counter };
}

/** Refuses, OFFICER_FORBIDDEN, an officer whose role is not one of `roles`. */
export function assertOfficerRole(session: Pick<CounterSessionView, "officer">, ...roles: OfficerRole[]): void {
  if (!roles.includes(session.officer.role)) throw new AppError("OFFICER_FORBIDDEN");
}

export async function signOutOfficer({ db, token }: { db: Db; token: string | undefined }): Promise<void> {
  if (!token) return;
  await db.counterSession.updateMany({ where: { tokenHash: hashToken(token), endedAt: null }, data: { endedAt: new Date() } });
}
