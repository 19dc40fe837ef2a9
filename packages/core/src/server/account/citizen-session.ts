import "server-only";
import type { Db } from "@ktp/db";
import { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } from "../../universal/sign-in.ts";
import { hashToken } from "../secrets.ts";

/**
 * The signed-in citizen behind a session cookie, or null. Each use extends the idle timeout, up to
 * SESSION_MAX_HOURS after the PIN was entered; then the citizen signs in again.
 */
export async function findCitizenSession({ db, token }: { db: Db; token: string | undefined }): Promise<{ registrationId: string; nik: string; locked: boolean } | null> {
  if (!token) return null;
  const session = await db.citizenSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, pinVerifiedAt: true, expiresAt: true, endedAt: true, registration: { select: { id: true, nik: true, step: true, lockedAt: true, device: { select: { revokedAt: true } } } } },
  });
  const registration = session?.registration;
  if (!session?.pinVerifiedAt || session.endedAt || session.expiresAt <= new Date() || registration?.step !== "ACTIVE" || registration.device?.revokedAt) return null;
  const absoluteEnd = session.pinVerifiedAt.getTime() + SESSION_MAX_HOURS * 3600_000;
  if (absoluteEnd <= Date.now()) return null;
  await db.citizenSession.update({ where: { id: session.id }, data: { expiresAt: new Date(Math.min(absoluteEnd, Date.now() + SESSION_IDLE_MINUTES * 60_000)) } });
  return { registrationId: registration.id, nik: registration.nik, locked: registration.lockedAt !== null };
}

export async function signOutCitizen({ db, token }: { db: Db; token: string | undefined }): Promise<void> {
  if (!token) return;
  await db.citizenSession.updateMany({ where: { tokenHash: hashToken(token), endedAt: null }, data: { endedAt: new Date() } });
}
