import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";

export interface HistoryEntry {
  id: string;
  at: Date;
  organisation: string;
  branch: string | null;
  purpose: string;
  verdict: string;
  reason: string | null;
  fields: string[];
  offline: boolean;
  reportedAt: Date | null;
  /** The signed receipt the organisation got (the same JWS), for a successful verification. */
  receipt: string | null;
}

/** "Riwayat verifikasi": who checked the citizen's KTP Digital, when, where, for what, which fields. */
export async function listVerificationHistory({ db, registrationId, limit = 100 }: { db: Db; registrationId: string; limit?: number }): Promise<HistoryEntry[]> {
  const rows = await db.verification.findMany({
    where: { registrationId },
    orderBy: { at: "desc" },
    take: limit,
    select: {
      id: true,
      at: true,
      askedPurpose: true,
      verdict: true,
      reason: true,
      fields: true,
      offline: true,
      reportedAt: true,
      receipt: true,
      org: { select: { legalName: true } },
      branch: { select: { name: true, city: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    organisation: r.org.legalName,
    branch: r.branch ? `${r.branch.name}, ${r.branch.city}` : null,
    purpose: r.askedPurpose,
    verdict: r.verdict,
    reason: r.reason,
    fields: r.fields,
    offline: r.offline,
    reportedAt: r.reportedAt,
    receipt: r.receipt,
  }));
}

/** "Bukan saya / laporkan": the citizen flags a verification; the officer console's oversight lists it. */
export async function reportVerification({ db, registrationId, verificationId, note, requestId }: { db: Db; registrationId: string; verificationId: string; note?: string; requestId?: string }) {
  return db.$transaction(async (tx) => {
    const reported = await tx.verification.updateMany({ where: { id: verificationId, registrationId, reportedAt: null }, data: { reportedAt: new Date(), reportNote: note?.trim() || null } });
    if (reported.count === 0) {
      const exists = await tx.verification.findFirst({ where: { id: verificationId, registrationId }, select: { id: true } });
      throw new AppError(exists ? "ALREADY_REPORTED" : "NOT_FOUND");
    }
    await tx.auditEvent.create({
      data: { actorType: "CITIZEN", actorId: registrationId, registrationId, action: "citizen.report_verification", note: `${verificationId}${note ? `: ${note}` : ""}`.slice(0, 500), requestId },
    });
  });
}
