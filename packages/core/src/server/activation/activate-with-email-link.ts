import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { RegistrationView } from "../../universal/registration.ts";
import { hashToken } from "../secrets.ts";
import { toRegistrationView } from "./registration-view.ts";

/** The last step: a valid, unused, unexpired link activates the registration, exactly once. */
export async function activateWithEmailLink({ db, token }: { db: Db; token: string }): Promise<RegistrationView> {
  const tokenHash = hashToken(token);
  const registration = await db.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.activationEmail.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    const email = await tx.activationEmail.findUnique({ where: { tokenHash }, select: { registrationId: true, usedAt: true, expiresAt: true } });
    if (claimed.count === 0) {
      if (!email) throw new AppError("ACTIVATION_LINK_INVALID");
      throw new AppError(email.expiresAt <= now && !email.usedAt ? "ACTIVATION_LINK_EXPIRED" : "ACTIVATION_LINK_USED");
    }
    const activated = await tx.registration.updateMany({ where: { id: email!.registrationId, step: "EMAIL" }, data: { step: "ACTIVE" } });
    if (activated.count === 0) throw new AppError("WRONG_STEP");
    return tx.registration.findUniqueOrThrow({ where: { id: email!.registrationId }, select: { id: true, nik: true, email: true, step: true, selfieAttempts: true } });
  });
  return toRegistrationView(db, registration);
}
