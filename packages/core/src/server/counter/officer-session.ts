import "server-only";
import argon2 from "argon2";
import type { Db } from "@ktp/db";
import type { TOfficerSignInRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { PIN_HASH_OPTIONS } from "../activation/set-pin.ts";
import { hashToken, newToken } from "../secrets.ts";

// An officer signs in with NIP and password at one counter. The session is both the console's
// sign-in and the counter session its activation QRs are bound to.

export const OFFICER_SESSION_HOURS = 10;
const LOCK_AFTER = 5;
const LOCK_MINUTES = 15;
/** Verified when the NIP is unknown, so a wrong NIP takes as long as a wrong password. */
const DUMMY_HASH = argon2.hash("not-a-password", PIN_HASH_OPTIONS);

export function hashOfficerPassword(password: string): Promise<string> {
  return argon2.hash(password, PIN_HASH_OPTIONS);
}

export async function signInOfficer({ db, request }: { db: Db; request: TOfficerSignInRequest }): Promise<{ token: string; expiresAt: Date }> {
  const counter = await db.counter.findUnique({ where: { code: request.counter }, select: { id: true } });
  if (!counter) throw new AppError("COUNTER_UNKNOWN", { field: "counter" });
  const officer = await db.officer.findUnique({ where: { nip: request.nip }, select: { id: true, passwordHash: true, lockedUntil: true } });
  if (officer?.lockedUntil && officer.lockedUntil > new Date()) throw new AppError("OFFICER_LOCKED");

  const valid = await argon2.verify(officer?.passwordHash ?? (await DUMMY_HASH), request.password);
  if (!officer || !valid) {
    if (officer) {
      // Counted in one statement, so parallel guesses each count.
      await db.$executeRaw`
        UPDATE app.officer
        SET failed_logins = CASE WHEN failed_logins + 1 >= ${LOCK_AFTER} THEN 0 ELSE failed_logins + 1 END,
            locked_until = CASE WHEN failed_logins + 1 >= ${LOCK_AFTER} THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE locked_until END
        WHERE id = ${officer.id}::uuid`;
    }
    throw new AppError("OFFICER_CREDENTIALS_WRONG");
  }

  const token = newToken();
  const expiresAt = new Date(Date.now() + OFFICER_SESSION_HOURS * 3600_000);
  await db.$transaction([
    db.officer.update({ where: { id: officer.id }, data: { failedLogins: 0, lockedUntil: null } }),
    db.counterSession.create({ data: { officerId: officer.id, counterId: counter.id, tokenHash: hashToken(token), expiresAt } }),
  ]);
  return { token, expiresAt };
}

export type CounterSessionView = Awaited<ReturnType<typeof getCounterSession>>;

/** The open counter session behind an officer's cookie; OFFICER_SIGNED_OUT otherwise. */
export async function getCounterSession({ db, token }: { db: Db; token: string | undefined }) {
  const session = token
    ? await db.counterSession.findUnique({
        where: { tokenHash: hashToken(token) },
        select: {
          id: true,
          expiresAt: true,
          endedAt: true,
          officer: { select: { id: true, nip: true, nama: true } },
          counter: { select: { id: true, code: true, name: true } },
        },
      })
    : null;
  if (!session || session.endedAt || session.expiresAt <= new Date()) throw new AppError("OFFICER_SIGNED_OUT");
  return { id: session.id, officer: session.officer, counter: session.counter };
}

export async function signOutOfficer({ db, token }: { db: Db; token: string | undefined }): Promise<void> {
  if (!token) return;
  await db.counterSession.updateMany({ where: { tokenHash: hashToken(token), endedAt: null }, data: { endedAt: new Date() } });
}
