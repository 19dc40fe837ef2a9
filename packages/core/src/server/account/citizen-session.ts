import "server-only";
import type { Db } from "@ktp/db";
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from "../../universal/sign-in.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { hashToken } from "../secrets.ts";

/**
 * The signed-in citizen behind a session cookie, or null. Each use extends the idle timeout, up to
 * SESSION_MAX_HOURS after the PIN was entered; then the citizen signs in again.
 */
export async function findCitizenSession({ db, token }: { db: Db; token: string | undefined }): Promise<{ registrationId: string; nik: string; locked: boolean } | null> {
  if (!token) return null;
  const session = await db.citizenSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      pinVerifiedAt: true,
      expiresAt: true,
      endedAt: true,
      registration: { select: { id: true, nik: true, step: true, lockedAt: true, lostReportedAt: true, device: { select: { revokedAt: true } } } },
    },
  });
  const registration = session?.registration;
  if (!session?.pinVerifiedAt || session.endedAt || session.expiresAt <= new Date() || registration?.step !== "ACTIVE" || registration.device?.revokedAt || registration.lostReportedAt) return null;
  const absoluteEnd = session.pinVerifiedAt.getTime() + SESSION_MAX_HOURS * 3600_000;
  if (absoluteEnd <= Date.now()) return null;
  await db.citizenSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Math.min(absoluteEnd, Date.now() + SESSION_IDLE_MINUTES * 60_000)) } });
  return { registrationId: registration.id, nik: registration.nik, locked: registration.lockedAt !== null };
}

/** Ends the session; a signed-in one leaves "citizen.sign_out" in the activity history. */
export async function signOutCitizen({ db, token, requestId }: { db: Db; token: string | undefined; requestId?: string }): Promise<void> {
  if (!token) return;
  const [ended] = await db.$queryRaw<{ registration_id: string | null; pin_verified_at: Date | null }[]>`
    UPDATE app.citizen_session SET ended_at = now()
    WHERE token_hash = ${hashToken(token)} AND ended_at IS NULL
    RETURNING registration_id, pin_verified_at`;
  if (ended?.registration_id && ended.pin_verified_at) {
    await recordAudit(db, { actorType: "CITIZEN", actorId: ended.registration_id, registrationId: ended.registration_id, action: "citizen.sign_out", requestId });
  }
}

/** Whether this sign-in has passed its passkey step and waits for the PIN (or a "Lupa PIN" reset). */
export async function isAwaitingPin({ db, token }: { db: Db; token: string | undefined }): Promise<boolean> {
  if (!token) return false;
  const session = await db.citizenSession.findUnique({ where: { tokenHash: hashToken(token) }, select: { passkeyVerifiedAt: true, pinVerifiedAt: true, endedAt: true, expiresAt: true } });
  return Boolean(session?.passkeyVerifiedAt && !session.pinVerifiedAt && !session.endedAt && session.expiresAt > new Date());
}
