import "server-only";
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import type { Db } from "@ktp/db";
import type { RelyingParty } from "../../universal/device.ts";
import { AppError } from "../../universal/errors.ts";
import { STAFF_PASSKEY_SECONDS, STAFF_SESSION_HOURS, type StaffSignInStep, type TStaffPasskeyRequest, type TStaffSignInRequest } from "../../universal/verifier-staff.ts";
import { LOCK_AFTER, LOCK_MINUTES, refuseUnclaimed } from "../account/password-lockout.ts";
import { verifyPassword } from "@ktp/db/password-hash";
import { recordAudit } from "../audit/record-audit.ts";
import type { RateLimiter } from "../rate-limit.ts";
import { hashToken, newToken } from "../secrets.ts";

// A staff member signs in to the scan page with e-mail and password, then with their passkey. The
// first sign-in enrols the passkey (the password was handed over once, by the admin); every later
// one needs it, so a leaked password alone opens nothing.

export interface SignInStaffOptions {
  db: Db;
  request: TStaffSignInRequest;
  limiter: RateLimiter;
  rp: RelyingParty;
  requestId?: string;
}

/** The password step: on success a session waiting for the passkey, and the WebAuthn options for it. */
export async function signInStaff({ db, request, limiter, rp, requestId }: SignInStaffOptions): Promise<{ token: string; step: StaffSignInStep }> {
  // The attempt is counted in the statement that checks the lock (account/password-lockout.ts):
  // of a burst of parallel guesses, at most LOCK_AFTER are ever checked.
  const [claimed] = await db.$queryRaw<{ id: string; password_hash: string; failures: number; nama: string; disabled: boolean; org_status: string }[]>`
    UPDATE app.verifier_staff s
    SET failed_logins = CASE WHEN s.locked_until <= now() THEN 1 ELSE s.failed_logins + 1 END,
        locked_until = CASE WHEN (CASE WHEN s.locked_until <= now() THEN 1 ELSE s.failed_logins + 1 END) >= ${LOCK_AFTER}
          THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE NULL END
    FROM app.verifier_org o
    WHERE s.email = ${request.email} AND o.id = s.org_id AND (s.locked_until IS NULL OR s.locked_until <= now())
    RETURNING s.id, s.password_hash, s.failed_logins AS failures, s.nama, s.disabled_at IS NOT NULL AS disabled, o.status::text AS org_status`;

  if (!claimed) {
    const account = await db.verifierStaff.findUnique({ where: { email: request.email }, select: { lockedUntil: true } });
    return refuseUnclaimed({
      lockedUntil: account?.lockedUntil,
      limiter,
      limit: "staffSignInEmail",
      subject: request.email,
      password: request.password,
      lockedCode: "STAFF_LOCKED",
      wrongCode: "STAFF_CREDENTIALS_WRONG",
    });
  }
  if (!(await verifyPassword(claimed.password_hash, request.password)) || claimed.disabled) {
    await recordAudit(db, { actorType: "VERIFIER", actorId: claimed.id, action: claimed.failures >= LOCK_AFTER ? "verifier_staff.locked" : "verifier_staff.sign_in_failed", requestId });
    throw new AppError("STAFF_CREDENTIALS_WRONG");
  }
  // Cleared only if no other attempt was counted since this one (officer-sign-in.ts).
  await db.verifierStaff.updateMany({ where: { id: claimed.id, failedLogins: claimed.failures }, data: { failedLogins: 0, lockedUntil: null } });
  if (claimed.org_status !== "APPROVED") throw new AppError("VERIFIER_NOT_APPROVED");

  const passkeys = await db.verifierStaffPasskey.findMany({ where: { staffId: claimed.id }, select: { credentialId: true, transports: true } });
  const step: StaffSignInStep =
    passkeys.length === 0
      ? {
          next: "enrol",
          options: (await generateRegistrationOptions({
            rpName: "KTP Digital · Verifikasi",
            rpID: rp.id,
            userID: new Uint8Array(Buffer.from(claimed.id.replaceAll("-", ""), "hex")),
            userName: request.email,
            userDisplayName: claimed.nama,
            attestationType: "none",
            authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
            timeout: 60_000,
          })) as unknown as Record<string, unknown>,
        }
      : {
          next: "passkey",
          options: (await generateAuthenticationOptions({
            rpID: rp.id,
            userVerification: "required",
            allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as never })),
            timeout: 60_000,
          })) as unknown as Record<string, unknown>,
        };
  const token = newToken();
  await db.verifierSession.create({
    data: { staffId: claimed.id, tokenHash: hashToken(token), challenge: step.options.challenge as string, expiresAt: new Date(Date.now() + STAFF_PASSKEY_SECONDS * 1000) },
  });
  return { token, step };
}

export interface FinishStaffPasskeyOptions {
  db: Db;
  token: string | undefined;
  rp: RelyingParty;
  request: TStaffPasskeyRequest;
  requestId?: string;
}

/** The passkey step: enrols the first passkey or checks an enrolled one; then the session is open. */
export async function finishStaffPasskey({ db, token, rp, request, requestId }: FinishStaffPasskeyOptions): Promise<void> {
  const session = token ? await db.verifierSession.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, staffId: true, challenge: true, expiresAt: true, endedAt: true } }) : null;
  if (!session?.challenge || session.endedAt || session.expiresAt <= new Date()) throw new AppError("STAFF_SIGN_IN_EXPIRED");
  const { challenge, staffId } = session;
  const passkeys = await db.verifierStaffPasskey.findMany({ where: { staffId }, select: { id: true, credentialId: true, publicKey: true, signCount: true, transports: true } });
  const notRecognised = (cause?: unknown) => new AppError("STAFF_PASSKEY_NOT_RECOGNISED", { cause });
  const expected = { expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: true };

  // The challenge is consumed in the statement that opens the session: an answer works once.
  const open = (tx: Pick<Db, "verifierSession">) =>
    tx.verifierSession.updateMany({
      where: { id: session.id, challenge, endedAt: null, expiresAt: { gt: new Date() } },
      data: { challenge: null, passkeyVerifiedAt: new Date(), lastSeenAt: new Date(), expiresAt: new Date(Date.now() + STAFF_SESSION_HOURS * 3600_000) },
    });

  if (passkeys.length === 0) {
    const verification = await verifyRegistrationResponse({ ...expected, response: request.credential as unknown as RegistrationResponseJSON }).catch((cause) => {
      throw notRecognised(cause);
    });
    if (!verification.verified) throw notRecognised();
    const { credential } = verification.registrationInfo;
    await db.$transaction(async (tx) => {
      if ((await open(tx)).count === 0) throw new AppError("STAFF_SIGN_IN_EXPIRED");
      // Two first sign-ins at once enrol one passkey: the second finds one already there.
      const [inserted] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO app.verifier_staff_passkey (id, staff_id, credential_id, public_key, sign_count, transports)
        SELECT gen_random_uuid(), ${staffId}::uuid, ${credential.id}, ${new Uint8Array(credential.publicKey)}, ${credential.counter}, ${credential.transports ?? []}::text[]
        WHERE NOT EXISTS (SELECT 1 FROM app.verifier_staff_passkey WHERE staff_id = ${staffId}::uuid)
        RETURNING id`;
      if (!inserted) throw notRecognised();
      await recordAudit(tx, { actorType: "VERIFIER", actorId: staffId, action: "verifier_staff.passkey_enrolled", requestId });
      await recordAudit(tx, { actorType: "VERIFIER", actorId: staffId, action: "verifier_staff.sign_in", requestId });
    });
    return;
  }

  const passkey = passkeys.find((p) => p.credentialId === request.credential.id);
  if (!passkey) throw notRecognised();
  const verification = await verifyAuthenticationResponse({
    ...expected,
    response: request.credential as unknown as AuthenticationResponseJSON,
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.signCount), transports: passkey.transports },
  }).catch((cause) => {
    throw notRecognised(cause);
  });
  if (!verification.verified) throw notRecognised();
  await db.$transaction(async (tx) => {
    if ((await open(tx)).count === 0) throw new AppError("STAFF_SIGN_IN_EXPIRED");
    await tx.verifierStaffPasskey.update({ where: { id: passkey.id }, data: { signCount: BigInt(verification.authenticationInfo.newCounter) } });
    await recordAudit(tx, { actorType: "VERIFIER", actorId: staffId, action: "verifier_staff.sign_in", requestId });
  });
}
