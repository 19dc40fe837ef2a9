import "server-only";
import type { Db } from "@ktp/db";
import type { ResidentCase, TResetRequest } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { PIN_LOCKOUT } from "../../universal/pin.ts";
import { registrationReference } from "../../universal/registration.ts";
import { passSelfie } from "../activation/submit-selfie.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { loadKtpCard } from "../siak/load-ktp-card.ts";
import type { CounterSessionView } from "./officer-session.ts";

// The officer's lookup by NIK, and what only an officer at the counter may undo, for residents of
// the officer's own Dinas. Every lookup and every change leaves an audit record naming the officer.

export type { ResidentCase } from "../../universal/counter.ts";

const OPEN_STEPS = ["SELFIE", "PIN", "DEVICE", "COUNTER", "EMAIL", "COUNTER_REQUIRED"] as const;

export interface ResidentDeskOptions {
  db: Db;
  session: CounterSessionView;
  nik: string;
  requestId?: string;
}

export async function findResidentCase({ db, session, nik, requestId }: ResidentDeskOptions): Promise<ResidentCase> {
  const found = await readCase(db, session, nik);
  await recordAudit(db, { actorType: "OFFICER", actorId: session.officer.id, action: "resident.lookup", nik, counterId: session.counter.id, requestId });
  return found;
}

/**
 * DEVICE: the phone is lost or replaced; its binding is revoked, its sessions end and the NIK may
 * register again. PIN: the lock after 10 wrong PINs is lifted. CANCEL: a registration that is not
 * the person's in front of the officer ends. FACE_IN_PERSON: the officer compared the face with the
 * e-KTP photo in person, so that registration passes the selfie (the others waiting there end).
 */
export async function resetResident({ db, session, request, requestId }: { db: Db; session: CounterSessionView; request: TResetRequest; requestId?: string }): Promise<ResidentCase> {
  const { nik, action, note } = request;
  await assertInRegion(db, session, nik);
  const audit = { actorType: "OFFICER" as const, actorId: session.officer.id, nik, counterId: session.counter.id, note, requestId };

  if (action === "FACE_IN_PERSON") {
    const registration = await db.registration.findFirst({ where: { id: request.registrationId, nik, step: { in: ["SELFIE", "COUNTER_REQUIRED"] } }, select: { id: true } });
    if (!registration) throw new AppError("NOTHING_TO_RESET");
    await passSelfie(db, { id: registration.id, nik }, { selfieEncrypted: null }, ["SELFIE", "COUNTER_REQUIRED"]);
    await recordAudit(db, { ...audit, action: "resident.face_in_person", registrationId: registration.id });
    return readCase(db, session, nik);
  }

  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`registration:${nik}`}))`;
    if (action === "CANCEL") {
      const cancelled = await tx.registration.updateMany({
        where: { id: request.registrationId, nik, step: { in: [...OPEN_STEPS] } },
        data: { step: "CANCELLED", selfieEncrypted: null, deviceChallenge: null },
      });
      if (cancelled.count === 0) throw new AppError("NOTHING_TO_RESET");
      await tx.citizenSession.updateMany({ where: { registrationId: request.registrationId, endedAt: null }, data: { endedAt: new Date() } });
      await recordAudit(tx, { ...audit, action: "registration.cancel", registrationId: request.registrationId });
      return;
    }
    const active = await tx.registration.findFirst({
      where: { nik, step: { in: ["ACTIVE", "COUNTER", "EMAIL"] } },
      select: { id: true, pinFailures: true, device: { select: { id: true, revokedAt: true } } },
    });
    if (!active) throw new AppError("NOTHING_TO_RESET");
    if (action === "DEVICE") {
      if (!active.device || active.device.revokedAt) throw new AppError("NOTHING_TO_RESET");
      await tx.device.update({ where: { id: active.device.id }, data: { revokedAt: new Date() } });
      await tx.registration.update({ where: { id: active.id }, data: { step: "SUPERSEDED", selfieEncrypted: null } });
      await tx.citizenSession.updateMany({ where: { registrationId: active.id, endedAt: null }, data: { endedAt: new Date() } });
      await recordAudit(tx, { ...audit, action: "resident.reset.device", registrationId: active.id });
    } else {
      if (active.pinFailures < PIN_LOCKOUT.counterAt) throw new AppError("NOTHING_TO_RESET");
      await tx.registration.update({ where: { id: active.id }, data: { pinFailures: 0, pinLockedUntil: null } });
      await recordAudit(tx, { ...audit, action: "resident.reset.pin", registrationId: active.id });
    }
  });
  return readCase(db, session, nik);
}

/** Officers serve the residents of their own Dinas: the kabupaten/kota in the NIK's first four digits. */
async function assertInRegion(db: Db, session: CounterSessionView, nik: string) {
  const card = await loadKtpCard(db, nik);
  if (!card) throw new AppError("RESIDENT_NOT_FOUND", { field: "nik" });
  if (kabupatenOf(nik) !== session.counter.kabupatenKode || session.officer.kabupatenKode !== session.counter.kabupatenKode) {
    throw new AppError("RESIDENT_OUT_OF_REGION", { field: "nik" });
  }
  return card;
}

/** "6472051708850001" → "64.72" */
export function kabupatenOf(nik: string): string {
  return `${nik.slice(0, 2)}.${nik.slice(2, 4)}`;
}

async function readCase(db: Db, session: CounterSessionView, nik: string): Promise<ResidentCase> {
  const card = await assertInRegion(db, session, nik);
  const registrations = await db.registration.findMany({
    where: { nik, step: { in: [...OPEN_STEPS, "ACTIVE"] } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, step: true, email: true, phone: true, userAgent: true, createdAt: true, selfieAttempts: true, pinFailures: true,
      device: { select: { createdAt: true, revokedAt: true, backupEligible: true } },
    },
  });
  const bound = registrations.find((r) => ["ACTIVE", "COUNTER", "EMAIL"].includes(r.step));
  const device = bound?.device && !bound.device.revokedAt ? { createdAt: bound.device.createdAt, synced: bound.device.backupEligible } : null;
  const pinLockedForCounter = (bound?.pinFailures ?? 0) >= PIN_LOCKOUT.counterAt;
  const actions: ResidentCase["actions"] = [];
  if (device) actions.push("DEVICE");
  if (pinLockedForCounter) actions.push("PIN");
  const active = registrations.find((r) => r.step === "ACTIVE");
  return {
    nik,
    nama: card.nama,
    active: active ? { registrationId: active.id, since: active.createdAt, device, pinLockedForCounter } : null,
    actions,
    open: registrations
      .filter((r) => r.step !== "ACTIVE")
      .map((r) => ({
        id: r.id,
        reference: registrationReference(r.id),
        step: r.step,
        email: r.email,
        phone: r.phone,
        userAgent: r.userAgent,
        createdAt: r.createdAt,
        selfieAttempts: r.selfieAttempts,
        actions: ["CANCEL", ...(r.step === "SELFIE" || r.step === "COUNTER_REQUIRED" ? (["FACE_IN_PERSON"] as const) : [])],
      })),
  };
}
