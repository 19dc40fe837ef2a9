import "server-only";
import type { Db } from "@ktp/db";
import type { Applicant } from "../../universal/counter.ts";
import { loadKtpCard } from "../siak/load-ktp-card.ts";

export type { Applicant } from "../../universal/counter.ts";

/** Everyone waiting for this counter session's decision, first come first. */
export async function listApplicants({ db, counterSessionId }: { db: Db; counterSessionId: string }): Promise<Applicant[]> {
  const waiting = await db.registration.findMany({
    where: { counterSessionId, step: "COUNTER" },
    orderBy: { scannedAt: "asc" },
    select: {
      id: true,
      nik: true,
      email: true,
      phone: true,
      scannedAt: true,
      matchScore: true,
      matchDecision: true,
      selfieAttempts: true,
      device: { select: { backupEligible: true, backedUp: true } },
    },
  });
  const withSelfie = new Set((await db.registration.findMany({ where: { id: { in: waiting.map((r) => r.id) }, selfieEncrypted: { not: null } }, select: { id: true } })).map((r) => r.id));
  const applicants: Applicant[] = [];
  for (const r of waiting) {
    const card = await loadKtpCard({ db, nik: r.nik });
    if (!card) continue;
    applicants.push({
      id: r.id,
      scannedAt: r.scannedAt!,
      card,
      email: r.email,
      phone: r.phone,
      matchScore: r.matchScore,
      matchDecision: r.matchDecision,
      selfieAttempts: r.selfieAttempts,
      hasSelfie: withSelfie.has(r.id),
      passkeySynced: { eligible: r.device?.backupEligible ?? false, now: r.device?.backedUp ?? false },
    });
  }
  return applicants;
}
