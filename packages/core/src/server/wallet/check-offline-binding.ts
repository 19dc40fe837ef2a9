import "server-only";
import type { Db } from "@ktp/db";

/**
 * Whether the phone may go on keeping its offline wallet (issue 13, item 6): the passkey is still
 * bound to an active, unlocked KTP Digital. Asked on the next contact after time offline; false
 * after an officer's lost-phone reset, a lock or a new activation, and the phone then wipes it.
 * Answers only yes or no, for a credential ID only the phone and the server know.
 */
export async function checkOfflineBinding({ db, credentialId }: { db: Db; credentialId: string }): Promise<{ active: boolean }> {
  const device = await db.device.findUnique({ where: { credentialId }, select: { revokedAt: true, registration: { select: { step: true, lockedAt: true } } } });
  return { active: !!device && !device.revokedAt && device.registration.step === "ACTIVE" && !device.registration.lockedAt };
}
