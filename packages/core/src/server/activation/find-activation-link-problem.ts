import "server-only";
import type { Db } from "@ktp/db";
import type { ErrorCode } from "../../universal/errors.ts";
import { hashToken } from "../secrets.ts";

/**
 * What is wrong with an activation link before anyone presses the button: unknown, used (or
 * replaced) or expired; null for a link that still works. Reads only, so a mail scanner that
 * opens the page uses nothing up.
 */
export async function findActivationLinkProblem({ db, token }: { db: Db; token: string | undefined }): Promise<ErrorCode | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return "ACTIVATION_LINK_INVALID";
  const email = await db.activationEmail.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true } });
  if (!email) return "ACTIVATION_LINK_INVALID";
  if (email.usedAt) return "ACTIVATION_LINK_USED";
  return email.expiresAt <= new Date() ? "ACTIVATION_LINK_EXPIRED" : null;
}
