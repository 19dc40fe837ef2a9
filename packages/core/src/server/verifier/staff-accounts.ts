import "server-only";
import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { PASSWORD_HASH_OPTIONS } from "../account/pin-hash.ts";
import { recordAudit } from "../audit/record-audit.ts";

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
  actor: { type: "OFFICER" | "VERIFIER"; id: string };
}

export async function createStaff({ db, orgId, email, nama, password = randomBytes(12).toString("base64url"), actor }: CreateStaffOptions) {
  const org = await db.verifierOrg.findUnique({ where: { id: orgId }, select: { status: true } });
  if (!org || org.status !== "APPROVED") throw new AppError("VERIFIER_NOT_APPROVED");
  const passwordHash = await argon2.hash(password, PASSWORD_HASH_OPTIONS);
  const staff = await db.verifierStaff.create({ data: { orgId, email: email.toLowerCase(), nama, passwordHash }, select: { id: true } });
  await recordAudit(db, { actorType: actor.type, actorId: actor.id, action: "verifier_staff.create", note: `${orgId} ${staff.id}` });
  return { id: staff.id, password };
}

/** Removes a staff member's passkeys (a lost phone): the next sign-in enrols a new one. */
export async function resetStaffPasskeys({ db, staffId, actor }: { db: Db; staffId: string; actor: { type: "OFFICER" | "VERIFIER"; id: string } }) {
  await db.$transaction([
    db.verifierStaffPasskey.deleteMany({ where: { staffId } }),
    db.verifierSession.updateMany({ where: { staffId, endedAt: null }, data: { endedAt: new Date() } }),
    db.auditEvent.create({ data: { actorType: actor.type, actorId: actor.id, action: "verifier_staff.reset_passkeys", note: staffId } }),
  ]);
}
