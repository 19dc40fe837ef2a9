import "server-only";
import type { Db } from "@ktp/db";
import type { ResidentCase } from "../../universal/counter.ts";
import { AppError } from "../../universal/errors.ts";
import { PIN_LOCKOUT } from "../../universal/pin.ts";
import { registrationReference } from "../../universal/registration.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { loadKtpCard } from "../siak/load-ktp-card.ts";
import { verifyNik } from "../siak/verify-nik.ts";
import type { CounterSessionView } from "./officer-session.ts";

// The officer's lookup by NIK, for residents of the officer's own Dinas: the resident's e-KTP
// name, the active KTP Digital and every registration in progress, with what the officer may do
// about each (reset-resident.ts). Every lookup leaves an audit record naming the officer.

/** Registration steps a stranger's or an abandoned registration can be in. */
export const OPEN_STEPS = ["SELFIE", "PIN", "DEVICE", "COUNTER", "EMAIL", "COUNTER_REQUIRED"] as const;

export interface ResidentCaseOptions {
  db: Db;
  session: CounterSessionView;
  nik: string;
  requestId?: string;
}

/** The resident's case; throws RESIDENT_NOT_FOUND or RESIDENT_OUT_OF_REGION. */
export async function getResidentCase({ db, session, nik, requestId }: ResidentCaseOptions): Promise<ResidentCase> {
  const found = await readResidentCase(db, session, nik);
  await recordAudit(db, { actorType: "OFFICER", actorId: session.officer.id, action: "resident.lookup", nik, counterId: session.counter.id, requestId });
  return found;
}

/** Officers serve the residents of their own Dinas: the kabupaten/kota in the NIK's first four digits. */
export async function assertInRegion(db: Db, session: CounterSessionView, nik: string) {
  const card = await loadKtpCard({ db, nik });
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

/** The case as the console shows it, without an audit record (the caller has written its own). */
export async function readResidentCase(db: Db, session: CounterSessionView, nik: string): Promise<ResidentCase> {
  const card = await assertInRegion(db, session, nik);
  const registrations = await db.registration.findMany({
    where: { nik, step: { in: [...OPEN_STEPS, "ACTIVE"] } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      step: true,
      email: true,
      phone: true,
      userAgent: true,
      createdAt: true,
      selfieAttempts: true,
      pinFailures: true,
      lostReportedAt: true,
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
  const siak = await verifyNik({ db, nik });
  return {
    nik,
    nama: card.nama,
    siak: siak.found
      ? { alive: siak.alive, wajibKtp: siak.wajibKtp, ektpRecorded: siak.ektpRecorded, eligible: siak.eligible, region: card.kabupatenKota }
      : { alive: false, wajibKtp: false, ektpRecorded: false, eligible: false, region: card.kabupatenKota },
    active: active ? { registrationId: active.id, since: active.createdAt, device, pinLockedForCounter, lostReportedAt: active.lostReportedAt } : null,
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
