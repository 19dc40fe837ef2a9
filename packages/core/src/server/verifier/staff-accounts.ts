import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { hashPassword } from "@ktp/db/password-hash";
import { type OversightActor, recordAudit } from "../audit/record-audit.ts";

// Staff accounts of an approved organisation, for the scan page. An account starts with a
// password shown once; the first sign-in enrols the passkey every later sign-in needs.

export interface CreateStaffOptions {
  db: Db;
  orgId: string;
  email: string;
  nama: string;
  /** Chosen by the caller (the demo seed); otherwise a random one is made and returned once. */
  password?: string;
  /** The officer (admin) or organisation acting; recorded in the audit trail. */
  actor: OversightActor;
  requestId?: string;
}

export async function createStaff({ db, orgId, email, nama, password = randomBytes(12).toString("base64url"), actor, requestId }: CreateStaffOptions) {
  const org = await db.verifierOrg.findUnique({ where: { id: orgId }, select: { status: true } });
  if (!org || org.status !== "APPROVED") throw new AppError("VERIFIER_NOT_APPROVED");
  const passwordHash = await hashPassword(password);
  // The account and its audit record together; ON CONFLICT so a taken e-mail is a 409, not a failed transaction.
  return db.$transaction(async (tx) => {
    const [staff] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO app.verifier_staff (id, org_id, email, nama, password_hash)
      VALUES (gen_random_uuid(), ${orgId}::uuid, ${email.toLowerCase()}, ${nama}, ${passwordHash})
      ON CONFLICT (email) DO NOTHING RETURNING id`;
    if (!staff) throw new AppError("STAFF_EMAIL_TAKEN", { field: "email" });
    await recordAudit(tx, { actorType: actor.type, actorId: actor.id, counterId: actor.counterId, action: "verifier_staff.create", note: `${orgId} ${staff.id}`, requestId });
    return { id: staff.id, password };
  });
}

export type StaffAction = "DISABLE" | "RESET_PASSKEYS";

/**
 * Disables an account, or resets it after a lost phone: its passkeys are removed and its password
 * replaced by a new one, shown once (whoever held the phone may know the old one, and the next
 * sign-in enrols whatever passkey it is given). Either ends the account's sessions. Only a staff
 * member of `orgId`; audited.
 */
export async function changeStaff({
  db,
  orgId,
  staffId,
  action,
  actor,
  requestId,
}: {
  db: Db;
  orgId: string;
  staffId: string;
  action: StaffAction;
  actor: OversightActor;
  requestId?: string;
}): Promise<{ password: string | null }> {
  const password = action === "RESET_PASSKEYS" ? randomBytes(12).toString("base64url") : null;
  const passwordHash = password ? await hashPassword(password) : null;
  await db.$transaction(async (tx) => {
    const changed = await tx.verifierStaff.updateMany({
      where: { id: staffId, orgId, disabledAt: null },
      data: action === "DISABLE" ? { disabledAt: new Date() } : { passwordHash: passwordHash!, failedLogins: 0, lockedUntil: null },
    });
    if (changed.count === 0) {
      const staff = await tx.verifierStaff.findFirst({ where: { id: staffId, orgId }, select: { id: true } });
      throw new AppError(staff ? "STAFF_DISABLED" : "NOT_FOUND");
    }
    if (action === "RESET_PASSKEYS") await tx.verifierStaffPasskey.deleteMany({ where: { staffId } });
    await tx.verifierSession.updateMany({ where: { staffId, endedAt: null }, data: { endedAt: new Date() } });
    await recordAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      counterId: actor.counterId,
      action: action === "DISABLE" ? "verifier_staff.disable" : "verifier_staff.reset_passkeys",
      note: `${orgId} ${staffId}`,
      requestId,
    });
  });
  return { password };
}
