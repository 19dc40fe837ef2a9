import "server-only";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { maskName } from "../../universal/mask-name.ts";
import type { Mailer } from "../mail/mailer.ts";
import { hashToken, newToken } from "../secrets.ts";

export const ACTIVATION_LINK_HOURS = 24;
const RESEND_AFTER_SECONDS = 60;
const MAX_SENDS_PER_DAY = 5;

export interface SendActivationEmailOptions {
  db: Db;
  mailer: Mailer;
  registrationId: string;
  /** The citizen app's address, e.g. https://ktp-digital.id; the link opens /aktivasi there. */
  citizenUrl: string;
}

/**
 * Sends the activation link "dari SIAK Terpusat": a 256-bit token of which only the hash is kept,
 * valid 24 hours, single use. A new link replaces older ones; resending is limited.
 */
export async function sendActivationEmail({ db, mailer, registrationId, citizenUrl }: SendActivationEmailOptions): Promise<{ expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + ACTIVATION_LINK_HOURS * 3600_000);
  await db.$transaction(async (tx) => {
    // Concurrent resends for one registration are serialised so the limits hold.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`activation-email:${registrationId}`}))`;
    const registration = await tx.registration.findUnique({ where: { id: registrationId }, select: { nik: true, email: true, step: true } });
    if (!registration) throw new AppError("REGISTRATION_NOT_FOUND");
    if (registration.step !== "EMAIL") throw new AppError("WRONG_STEP");
    const recent = await tx.activationEmail.findMany({
      where: { registrationId, sentAt: { gt: new Date(Date.now() - 24 * 3600_000) } },
      select: { sentAt: true },
      orderBy: { sentAt: "desc" },
    });
    const waitMs = recent[0] ? recent[0].sentAt.getTime() + RESEND_AFTER_SECONDS * 1000 - Date.now() : 0;
    if (waitMs > 0) throw new AppError("EMAIL_RESEND_TOO_SOON", { details: { retryAfterSeconds: Math.ceil(waitMs / 1000) } });
    if (recent.length >= MAX_SENDS_PER_DAY) throw new AppError("EMAIL_RESEND_LIMIT");
    await tx.activationEmail.updateMany({ where: { registrationId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.activationEmail.create({ data: { registrationId, tokenHash: hashToken(token), expiresAt } });

    // Sent before the commit: if the mail server fails, nothing changes, the older link still
    // works and the attempt does not count against the resend limits.
    const resident = await tx.penduduk.findUnique({ where: { nik: registration.nik }, select: { nama: true } });
    const link = new URL(`/aktivasi?t=${token}`, citizenUrl).toString();
    await mailer.send({ to: registration.email, ...activationMail({ name: maskName(resident?.nama ?? ""), link }) });
  });
  return { expiresAt };
}

function activationMail({ name, link }: { name: string; link: string }) {
  const text = `Yth. ${name},

Untuk menyelesaikan aktivasi KTP Digital (Identitas Kependudukan Digital), buka tautan berikut
dalam 24 jam, lalu tekan "Aktifkan KTP Digital":

${link}

Tautan hanya dapat dipakai satu kali. Bila Anda tidak sedang mengaktifkan KTP Digital, abaikan
e-mail ini dan jangan teruskan tautannya kepada siapa pun.

Salam,
SIAK Terpusat, Ditjen Dukcapil Kemendagri

---
To finish activating your KTP Digital, open the link above within 24 hours and press
"Aktifkan KTP Digital". It works once. If you are not activating KTP Digital, ignore this e-mail.`;
  const html = `<p>Yth. ${name},</p><p>Untuk menyelesaikan aktivasi KTP Digital, buka tautan berikut dalam 24 jam:</p><p><a href="${link}">Aktifkan KTP Digital</a></p><p>Tautan hanya dapat dipakai satu kali. Bila Anda tidak sedang mengaktifkan KTP Digital, abaikan e-mail ini.</p><p>SIAK Terpusat, Ditjen Dukcapil Kemendagri</p><hr><p lang="en">To finish activating your KTP Digital, open the link within 24 hours. It works once.</p>`;
  return { subject: "Aktivasi KTP Digital dari SIAK Terpusat", text, html };
}
