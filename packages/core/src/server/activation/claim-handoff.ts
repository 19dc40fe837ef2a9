import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { RegistrationView } from "../../universal/registration.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { hashToken, newToken } from "../secrets.ts";
import { toRegistrationView } from "./registration-view.ts";

export interface ClaimHandoffOptions {
  db: Db;
  code: string;
  /** The phone's browser (User-Agent), shown to the officer instead of the first browser's. */
  userAgent?: string | null;
  requestId?: string;
}

/**
 * The phone's side of "Lanjutkan di ponsel": claims the one-time code (exactly once, even under
 * parallel claims) and moves the registration to a new resume token for this browser. The first
 * browser's token stops working, so the registration lives in one browser at a time.
 */
export async function claimRegistrationHandoff({ db, code, userAgent, requestId }: ClaimHandoffOptions): Promise<{ resumeToken: string; registration: RegistrationView }> {
  const codeHash = hashToken(code);
  const resumeToken = newToken();
  const registration = await db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ registration_id: string }[]>`
      UPDATE app.registration_handoff SET used_at = now()
      WHERE code_hash = ${codeHash} AND used_at IS NULL AND expires_at > now()
      RETURNING registration_id::text`;
    if (!claimed) {
      const handoff = await tx.registrationHandoff.findUnique({ where: { codeHash }, select: { usedAt: true } });
      throw new AppError(!handoff ? "HANDOFF_LINK_INVALID" : handoff.usedAt ? "HANDOFF_LINK_USED" : "HANDOFF_LINK_EXPIRED");
    }
    const id = claimed.registration_id;
    const ua = userAgent?.replace(/[^\x20-\x7E]/g, "").slice(0, 300) || null;
    const moved = await tx.registration.updateMany({ where: { id, step: "SELFIE" }, data: { resumeTokenHash: hashToken(resumeToken), userAgent: ua } });
    if (moved.count === 0) throw new AppError("HANDOFF_NOT_AT_SELFIE");
    const row = await tx.registration.findUniqueOrThrow({ where: { id }, select: { id: true, nik: true, email: true, step: true, selfieAttempts: true } });
    await recordAudit(tx, { actorType: "CITIZEN", actorId: id, action: "registration.handoff.claim", nik: row.nik, registrationId: id, requestId });
    return row;
  });
  return { resumeToken, registration: await toRegistrationView(db, registration) };
}
