import "server-only";
import type { Db, OfficerRole } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { hashToken } from "../secrets.ts";

// The counter session: both the console's sign-in (officer-sign-in.ts opens it) and the session
// the counter's activation QRs are bound to.

export const OFFICER_SESSION_HOURS = 10;
/** A console left alone this long signs out. */
export const OFFICER_IDLE_MINUTES = 30;

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
