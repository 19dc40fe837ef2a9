import "server-only";
import type { Db } from "@ktp/db";

export type AuditActorType = "CITIZEN" | "OFFICER" | "VERIFIER" | "SYSTEM";

export interface AuditEntry {
  actorType: AuditActorType;
  /** The officer's id for OFFICER, the registration's for CITIZEN. */
  actorId?: string | null;
  /** Dotted, past-tense-free verb phrase: "resident.reset.device", "registration.cancel". */
  action: string;
  nik?: string | null;
  registrationId?: string | null;
  counterId?: string | null;
  note?: string | null;
  requestId?: string | null;
}

/** An officer acting from the console: who, and at which counter (the session's). */
export interface OfficerActor {
  id: string;
  counterId?: string | null;
}

/** Who changes an organisation's keys or staff: an officer (the admin) or the organisation itself. */
export type OversightActor = ({ type: "OFFICER" } & OfficerActor) | { type: "VERIFIER"; id: string; counterId?: undefined };

/** Writes one audit record; pass the transaction client so the record commits with the action. */
export async function recordAudit(db: Pick<Db, "auditEvent">, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: { ...entry, note: entry.note?.slice(0, 500) ?? null } });
}
