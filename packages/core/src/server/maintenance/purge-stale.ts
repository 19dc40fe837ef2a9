import "server-only";
import type { Db } from "@ktp/db";

// What is kept, and for how long (docs/security.md, "Retention"). Run hourly by the citizen app
// (one instance at a time) and by `npm run purge`.

export const RETENTION = {
  /** A registration nobody touched for this long is abandoned: cancelled, its selfie erased, the NIK freed. */
  abandonedRegistrationDays: 14,
  /** Ended registrations (replaced, cancelled) without an officer's decision are deleted after this. */
  endedRegistrationDays: 90,
  /** Sign-in sessions, counter QR codes and e-mail links are deleted this long after they expired. */
  expiredCredentialDays: 1,
  /** Audit records, activation records (signed decisions) and verifications are kept for this long. */
  auditYears: 5,
  /** A batch of identity tokens (its pseudonym and status-list entry) goes this long after its last token expired. */
  expiredBatchDays: 2,
} as const;

export interface PurgeResult {
  abandoned: number;
  deletedRegistrations: number;
  citizenSessions: number;
  counterQrs: number;
  activationEmails: number;
  lostPhoneLinks: number;
  rateLimits: number;
  auditEvents: number;
  credentialBatches: number;
  presentationUses: number;
  verifications: number;
}

/** Removes what is no longer needed; each statement stands alone, so an interrupted purge loses nothing. */
export async function purgeStale({ db }: { db: Db }): Promise<PurgeResult> {
  const abandoned = await db.$executeRaw`
    UPDATE app.registration SET step = 'CANCELLED', selfie_encrypted = NULL, device_challenge = NULL, updated_at = now()
    WHERE step IN ('SELFIE', 'PIN', 'DEVICE', 'COUNTER', 'EMAIL', 'COUNTER_REQUIRED')
      AND updated_at < now() - make_interval(days => ${RETENTION.abandonedRegistrationDays})`;
  const deletedRegistrations = await db.$executeRaw`
    DELETE FROM app.registration r
    WHERE r.step IN ('SUPERSEDED', 'CANCELLED') AND r.updated_at < now() - make_interval(days => ${RETENTION.endedRegistrationDays})
      AND NOT EXISTS (SELECT 1 FROM app.activation_record a WHERE a.registration_id = r.id)`;
  const citizenSessions = await db.$executeRaw`
    DELETE FROM app.citizen_session
    WHERE coalesce(ended_at, expires_at) < now() - make_interval(days => ${RETENTION.expiredCredentialDays})`;
  const counterQrs = await db.$executeRaw`
    DELETE FROM app.counter_qr WHERE expires_at < now() - make_interval(days => ${RETENTION.expiredCredentialDays})`;
  const activationEmails = await db.$executeRaw`
    DELETE FROM app.activation_email WHERE expires_at < now() - make_interval(days => ${RETENTION.expiredCredentialDays})`;
  const lostPhoneLinks = await db.$executeRaw`
    DELETE FROM app.lost_phone_link WHERE expires_at < now() - make_interval(days => ${RETENTION.expiredCredentialDays})`;
  const rateLimits = await db.$executeRaw`
    DELETE FROM app.rate_limit WHERE expire < (extract(epoch FROM now()) * 1000)::bigint - 3600000`;
  const auditEvents = await db.$executeRaw`
    DELETE FROM app.audit_event WHERE at < now() - make_interval(years => ${RETENTION.auditYears})`;
  const credentialBatches = await db.$executeRaw`
    DELETE FROM app.credential_batch WHERE expires_at < now() - make_interval(days => ${RETENTION.expiredBatchDays})`;
  const presentationUses = await db.$executeRaw`DELETE FROM app.presentation_use WHERE expires_at < now()`;
  const verifications = await db.$executeRaw`
    DELETE FROM app.verification WHERE at < now() - make_interval(years => ${RETENTION.auditYears})`;
  return { abandoned, deletedRegistrations, citizenSessions, counterQrs, activationEmails, lostPhoneLinks, rateLimits, auditEvents, credentialBatches, presentationUses, verifications };
}

/** Runs purgeStale every `everyMs` in this process, skipping a round another instance is already running. */
export function schedulePurge({ db, everyMs = 3600_000, onResult }: { db: Db; everyMs?: number; onResult?: (result: PurgeResult | Error) => void }) {
  const round = async () => {
    try {
      const result = await db.$transaction(
        async (tx) => {
          const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('ktp:purge')) AS locked`;
          return lock?.locked ? purgeStale({ db: tx as unknown as Db }) : null;
        },
        { timeout: 60_000 },
      );
      if (result) onResult?.(result);
    } catch (error) {
      onResult?.(error as Error);
    }
  };
  const timer = setInterval(() => void round(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
