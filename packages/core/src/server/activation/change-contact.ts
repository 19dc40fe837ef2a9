import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { CONTACT_CHANGE_STEPS, type RegistrationView, type TChangeContactRequest } from "../../universal/registration.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { NO_LIMITS, type RateLimiter } from "../rate-limit.ts";
import { getRegistration, toRegistrationView } from "./registration-view.ts";

export interface ChangeContactOptions {
  db: Db;
  resumeToken: string | undefined;
  request: TChangeContactRequest;
  limiter?: RateLimiter;
  requestId?: string;
}

/**
 * "Ubah e-mail atau nomor ponsel": corrects a mistyped address before the counter decides (the
 * decision sends the activation e-mail). A new e-mail or phone counts against the same per-e-mail
 * and per-phone budgets as registering, so a correction cannot be used to spray addresses.
 */
export async function changeRegistrationContact({ db, resumeToken, request, limiter = NO_LIMITS, requestId }: ChangeContactOptions): Promise<RegistrationView> {
  const found = await getRegistration({ db, resumeToken });
  const steps: readonly string[] = CONTACT_CHANGE_STEPS;
  if (!steps.includes(found.step)) throw new AppError("CONTACT_LOCKED");
  const current = await db.registration.findUniqueOrThrow({ where: { id: found.id }, select: { email: true, phone: true } });
  const changed = [request.email !== current.email && "email", request.phone !== current.phone && "phone"].filter((f): f is string => !!f);
  if (changed.length === 0) return toRegistrationView(db, found);
  if (changed.includes("email")) await limiter.consume("registrationEmail", request.email);
  if (changed.includes("phone")) await limiter.consume("registrationPhone", request.phone);
  const registration = await db.$transaction(async (tx) => {
    // The step is checked again in the update: an officer approving meanwhile wins, and the e-mail went to the old address.
    const updated = await tx.registration.updateMany({ where: { id: found.id, step: { in: [...CONTACT_CHANGE_STEPS] } }, data: { email: request.email, phone: request.phone } });
    if (updated.count === 0) throw new AppError("CONTACT_LOCKED");
    await recordAudit(tx, {
      actorType: "CITIZEN",
      actorId: found.id,
      action: "registration.contact.change",
      nik: found.nik,
      registrationId: found.id,
      note: `changed: ${changed.join(", ")}`,
      requestId,
    });
    return tx.registration.findUniqueOrThrow({ where: { id: found.id }, select: { id: true, nik: true, email: true, step: true, selfieAttempts: true, counterSessionId: true } });
  });
  return toRegistrationView(db, registration);
}
