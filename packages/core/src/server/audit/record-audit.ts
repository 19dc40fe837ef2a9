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

/** Writes one audit record; pass the transaction client so the record commits with the action. */
export async function recordAudit(db: Pick<Db, "auditEvent">, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({ data: { ...entry, note: entry.note?.slice(0, 500) ?? null } });
}
