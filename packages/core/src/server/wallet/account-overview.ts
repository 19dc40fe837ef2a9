import "server-only";
import type { Db } from "@ktp/db";
import { maskEmail } from "../../universal/registration.ts";

export interface AccountOverview {
  /** The registered e-mail, masked: where "Ponsel hilang" links and notices go. */
  email: string;
  /** The registered phone, all but the last four digits hidden. */
  phone: string;
  device: { boundAt: Date; synced: boolean } | null;
  activatedAt: Date | null;
  lockedAt: Date | null;
}

/** What the account page shows about the signed-in citizen's KTP Digital. */
export async function findAccountOverview({ db, registrationId }: { db: Db; registrationId: string }): Promise<AccountOverview | null> {
  const r = await db.registration.findUnique({
    where: { id: registrationId },
    select: { email: true, phone: true, lockedAt: true, device: { select: { createdAt: true, backedUp: true } }, decision: { select: { decidedAt: true, decision: true } } },
  });
  if (!r) return null;
  return {
    email: maskEmail(r.email),
    phone: `${"•".repeat(Math.max(0, r.phone.length - 4))}${r.phone.slice(-4)}`,
    device: r.device ? { boundAt: r.device.createdAt, synced: r.device.backedUp } : null,
    activatedAt: r.decision?.decision === "APPROVED" ? r.decision.decidedAt : null,
    lockedAt: r.lockedAt,
  };
}
