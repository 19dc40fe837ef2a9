import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { OPEN_STEPS } from "../counter/resident-case.ts";
import { getRegistration } from "./registration-view.ts";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Ends a registration that is still open (its selfie and device challenge erased, any session
 * closed) and records "registration.cancel"; false when it had already ended. Shared by the
 * citizen's "Batalkan pendaftaran" and the officer's cancel of a stranger's registration.
 */
export async function cancelOpenRegistration(tx: Tx, registrationId: string, audit: Parameters<typeof recordAudit>[1]): Promise<boolean> {
  const cancelled = await tx.registration.updateMany({
    where: { id: registrationId, step: { in: [...OPEN_STEPS] } },
    data: { step: "CANCELLED", selfieEncrypted: null, deviceChallenge: null },
  });
  if (cancelled.count === 0) return false;
  await tx.citizenSession.updateMany({ where: { registrationId, endedAt: null }, data: { endedAt: new Date() } });
  await tx.registrationHandoff.updateMany({ where: { registrationId, usedAt: null }, data: { usedAt: new Date() } });
  await recordAudit(tx, { ...audit, action: "registration.cancel", registrationId });
  return true;
}

/** "Batalkan pendaftaran": the citizen ends their own registration, to start over or stop. */
export async function cancelRegistration({ db, resumeToken, requestId }: { db: Db; resumeToken: string | undefined; requestId?: string }): Promise<void> {
  const registration = await getRegistration({ db, resumeToken });
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registration:${registration.nik}`}))`;
    const audit = { actorType: "CITIZEN" as const, actorId: registration.id, nik: registration.nik, note: "by the citizen", requestId, action: "registration.cancel" };
    if (!(await cancelOpenRegistration(tx, registration.id, audit))) throw new AppError("REGISTRATION_ENDED");
  });
}
