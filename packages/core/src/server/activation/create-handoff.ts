import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { HANDOFF_MINUTES } from "../../universal/registration.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { NO_LIMITS, type RateLimiter } from "../rate-limit.ts";
import { hashToken, newToken } from "../secrets.ts";
import { getRegistration } from "./registration-view.ts";

export interface CreateHandoffOptions {
  db: Db;
  resumeToken: string | undefined;
  /** The citizen app's address; the QR opens /daftar/lanjut there. */
  citizenUrl: string;
  limiter?: RateLimiter;
  requestId?: string;
}

/**
 * "Lanjutkan di ponsel" (decision 026): a one-time code, valid 10 minutes, that moves this
 * registration to the browser that opens it. Only for a registration still at the selfie; a new
 * code replaces the older ones. The code rides in the URL's fragment, which browsers never send
 * to a server, so it stays out of access logs and Referer headers.
 */
export async function createRegistrationHandoff({ db, resumeToken, citizenUrl, limiter = NO_LIMITS, requestId }: CreateHandoffOptions): Promise<{ url: string; expiresAt: Date }> {
  const registration = await getRegistration({ db, resumeToken });
  if (registration.step !== "SELFIE") throw new AppError("HANDOFF_NOT_AT_SELFIE");
  await limiter.consume("handoffRegistration", registration.id);
  const code = newToken();
  const expiresAt = new Date(Date.now() + HANDOFF_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.registrationHandoff.updateMany({ where: { registrationId: registration.id, usedAt: null }, data: { usedAt: new Date() } });
    await tx.registrationHandoff.create({ data: { registrationId: registration.id, codeHash: hashToken(code), expiresAt } });
    await recordAudit(tx, { actorType: "CITIZEN", actorId: registration.id, action: "registration.handoff.create", nik: registration.nik, registrationId: registration.id, requestId });
  });
  return { url: `${citizenUrl.replace(/\/$/, "")}/daftar/lanjut#k=${code}`, expiresAt };
}
