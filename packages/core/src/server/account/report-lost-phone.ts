import "server-only";
import type { Db } from "@ktp/db";
import { LOST_PHONE_LINK_MINUTES } from "../../universal/account.ts";
import { AppError } from "../../universal/errors.ts";
import { maskName } from "../../universal/mask-name.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Mailer } from "../mail/mailer.ts";
import { hashToken, newToken } from "../secrets.ts";

// "Ponsel hilang" (issue 13, item 2): from any browser, the NIK; a link goes to the e-mail the
// KTP Digital was activated with; opening it and confirming locks everything until an officer
// resets the device at the counter. The answer to the NIK is the same whether or not it has a
// KTP Digital, so the form tells a stranger nothing. Per-IP and per-NIK limits sit in the route.

/**
 * Sends a link when the NIK has an active KTP Digital that is not already reported lost; does
 * nothing otherwise. Older links stay valid until they expire: a stranger asking for more links
 * cannot void the one the owner is about to open.
 */
export async function requestLostPhoneLink({ db, mailer, nik, citizenUrl, requestId }: { db: Db; mailer: Mailer; nik: string; citizenUrl: string; requestId?: string }): Promise<void> {
  const registration = await db.registration.findFirst({ where: { nik, step: "ACTIVE", lostReportedAt: null }, select: { id: true, email: true } });
  if (!registration) return;
  const token = newToken();
  const expiresAt = new Date(Date.now() + LOST_PHONE_LINK_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    await tx.lostPhoneLink.create({ data: { registrationId: registration.id, tokenHash: hashToken(token), expiresAt } });
    await recordAudit(tx, { actorType: "CITIZEN", registrationId: registration.id, nik, action: "citizen.lost_phone.link_sent", requestId });
    // Sent before the commit: if the mail server fails, no link exists that nobody received.
    const resident = await tx.penduduk.findUnique({ where: { nik }, select: { nama: true } });
    const link = new URL(`/ponsel-hilang/kunci?t=${token}`, citizenUrl).toString();
    await mailer.send({ to: registration.email, ...lostPhoneMail({ name: maskName(resident?.nama ?? ""), link }) });
  });
}

/** What the confirmation page shows before the citizen presses "Kunci": whose KTP Digital, masked. */
export async function readLostPhoneLink({ db, token }: { db: Db; token: string }): Promise<{ name: string; expiresAt: Date }> {
  const link = await db.lostPhoneLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, usedAt: true, registration: { select: { nik: true, step: true, lostReportedAt: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= new Date() || link.registration.step !== "ACTIVE" || link.registration.lostReportedAt) throw new AppError("LOST_PHONE_LINK_INVALID");
  const resident = await db.penduduk.findUnique({ where: { nik: link.registration.nik }, select: { nama: true } });
  return { name: maskName(resident?.nama ?? ""), expiresAt: link.expiresAt };
}

/**
 * Uses the link once (claimed in one statement with its checks) and locks the KTP Digital: every
 * verification fails, the status list marks it, every session ends, and neither sign-in nor the
 * PIN unlocks it. Only an officer's device reset at the counter ends the lock.
 */
export async function lockLostPhone({ db, token, requestId }: { db: Db; token: string; requestId?: string }): Promise<{ lockedAt: Date }> {
  const lockedAt = new Date();
  await db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ registration_id: string; nik: string }[]>`
      UPDATE app.lost_phone_link l SET used_at = now()
      FROM app.registration r
      WHERE l.token_hash = ${hashToken(token)} AND l.used_at IS NULL AND l.expires_at > now()
        AND r.id = l.registration_id AND r.step = 'ACTIVE' AND r.lost_reported_at IS NULL
      RETURNING l.registration_id, r.nik`;
    if (!claimed) throw new AppError("LOST_PHONE_LINK_INVALID");
    const registrationId = claimed.registration_id;
    await tx.registration.update({ where: { id: registrationId }, data: { lostReportedAt: lockedAt, lockedAt } });
    await tx.citizenSession.updateMany({ where: { registrationId, endedAt: null }, data: { endedAt: lockedAt } });
    await recordAudit(tx, { actorType: "CITIZEN", registrationId, nik: claimed.nik, action: "citizen.lost_phone.locked", requestId });
  });
  return { lockedAt };
}

function lostPhoneMail({ name, link }: { name: string; link: string }) {
  const text = `Yth. ${name},

Ada permintaan untuk mengunci KTP Digital Anda karena ponsel hilang. Bila Anda yang memintanya,
buka tautan berikut dalam ${LOST_PHONE_LINK_MINUTES} menit, lalu tekan "Kunci KTP Digital":

${link}

Setelah dikunci, KTP Digital tidak dapat dipakai atau diverifikasi sampai petugas Disdukcapil
mendaftarkan ponsel baru Anda di loket (bawa e-KTP). Bila Anda tidak memintanya, abaikan e-mail
ini: tidak ada yang berubah.

Salam,
SIAK Terpusat, Ditjen Dukcapil Kemendagri

---
Someone asked to lock your KTP Digital because the phone was lost. If it was you, open the link
above within ${LOST_PHONE_LINK_MINUTES} minutes and press "Kunci KTP Digital". Once locked, it cannot be used or
verified until a Disdukcapil officer registers your new phone at the counter. If it was not you,
ignore this e-mail: nothing has changed.`;
  const html = `<p>Yth. ${name},</p><p>Ada permintaan untuk mengunci KTP Digital Anda karena ponsel hilang. Bila Anda yang memintanya, buka tautan berikut dalam ${LOST_PHONE_LINK_MINUTES} menit:</p><p><a href="${link}">Kunci KTP Digital</a></p><p>Setelah dikunci, KTP Digital tidak dapat dipakai sampai petugas Disdukcapil mendaftarkan ponsel baru Anda di loket. Bila Anda tidak memintanya, abaikan e-mail ini.</p><p>SIAK Terpusat, Ditjen Dukcapil Kemendagri</p><hr><p lang="en">Someone asked to lock your KTP Digital because the phone was lost. If it was you, open the link within ${LOST_PHONE_LINK_MINUTES} minutes. If not, ignore this e-mail.</p>`;
  return { subject: "Kunci KTP Digital: ponsel hilang", text, html };
}
