import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import { DERIVED_FIELDS, type IdentityField, isAtLeast, maskNik, type Purpose, PURPOSE_RULES, PURPOSES } from "../../universal/identity/purposes.ts";
import { type DisclosedFields, encodePresentation, ID_BYTES } from "../../universal/identity/token.ts";
import { loadResidentRecord, type ResidentRecord } from "../siak/load-ktp-card.ts";
import { getSigningKey, type SigningKey } from "./issuer-keys.ts";
import { randomStatusEntry } from "./status-list.ts";

// Identity tokens for the citizen's card (decision 013): one at a time while online, each valid
// ONLINE_TOKEN_SECONDS; and a batch for the phone to keep, one token per purpose and window of
// OFFLINE_WINDOW_SECONDS, covering OFFLINE_HOURS after the last online sign-in.

export const ONLINE_TOKEN_SECONDS = 120;
export const OFFLINE_WINDOW_SECONDS = 300;
export const OFFLINE_HOURS = 24;
/** Online tokens of the same hour share a pseudonym and a status entry. */
const ONLINE_BATCH_MS = 60 * 60 * 1000;

export interface IssueOptions {
  db: Db;
  sealKey: Buffer;
  /** The issuer's public origin (CITIZEN_URL): the tokens' `iss`. */
  issuer: string;
  registrationId: string;
  nik: string;
  now?: Date;
}

export interface IssuedToken {
  purpose: Purpose;
  qr: string;
  /** The moment it starts to be valid and the moment it ends. */
  validFrom: Date;
  expiresAt: Date;
}

/** One token for `purpose`, valid for the next two minutes. */
export async function issueOnlinePresentation({ purpose, now = new Date(), ...options }: IssueOptions & { purpose: Purpose }): Promise<IssuedToken> {
  const { db, registrationId } = options;
  const record = await getActiveRecord(options);
  const expiresAt = new Date(now.getTime() + ONLINE_TOKEN_SECONDS * 1000);
  const batch =
    (await db.credentialBatch.findFirst({
      where: { registrationId, offline: false, issuedAt: { gt: new Date(now.getTime() - ONLINE_BATCH_MS) }, expiresAt: { gte: expiresAt } },
      orderBy: { issuedAt: "desc" },
    })) ?? (await createBatch(db, registrationId, false, new Date(now.getTime() + ONLINE_BATCH_MS + ONLINE_TOKEN_SECONDS * 1000), now));
  const key = await getSigningKey({ db, sealKey: options.sealKey, use: "IDENTITY", now });
  const qr = await sign(key, options.issuer, batch, record, purpose, now, expiresAt);
  return { purpose, qr, validFrom: now, expiresAt };
}

/**
 * Tokens for the phone to keep: every purpose that works offline, one per five-minute window for
 * the next 24 hours (864 tokens, about 370 kB). A fresh batch replaces the phone's previous one.
 */
export async function issueOfflineBatch({ now = new Date(), ...options }: IssueOptions): Promise<{ tokens: IssuedToken[]; issuedAt: Date; expiresAt: Date }> {
  const record = await getActiveRecord(options);
  const windows = (OFFLINE_HOURS * 3600) / OFFLINE_WINDOW_SECONDS;
  const start = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((start + windows * OFFLINE_WINDOW_SECONDS) * 1000);
  const batch = await createBatch(options.db, options.registrationId, true, expiresAt, now);
  const key = await getSigningKey({ db: options.db, sealKey: options.sealKey, use: "IDENTITY", now });
  const tokens: IssuedToken[] = [];
  for (const purpose of PURPOSES.filter((p) => PURPOSE_RULES[p].offline)) {
    for (let w = 0; w < windows; w++) {
      const from = new Date((start + w * OFFLINE_WINDOW_SECONDS) * 1000);
      const until = new Date(from.getTime() + OFFLINE_WINDOW_SECONDS * 1000);
      tokens.push({ purpose, qr: await sign(key, options.issuer, batch, record, purpose, from, until), validFrom: from, expiresAt: until });
    }
  }
  return { tokens, issuedAt: now, expiresAt };
}

async function getActiveRecord({ db, registrationId, nik }: IssueOptions): Promise<ResidentRecord> {
  const registration = await db.registration.findUnique({ where: { id: registrationId }, select: { nik: true, step: true, lockedAt: true } });
  if (!registration || registration.step !== "ACTIVE" || registration.nik !== nik) throw new AppError("NOT_SIGNED_IN");
  if (registration.lockedAt) throw new AppError("IDENTITY_LOCKED");
  const record = await loadResidentRecord(db, nik);
  if (!record || record.deceased) throw new AppError("NOT_SIGNED_IN");
  return record;
}

async function createBatch(db: Db, registrationId: string, offline: boolean, expiresAt: Date, now: Date) {
  // A random index may be taken (rarely, while the list is young); another is drawn.
  for (let attempt = 0; ; attempt++) {
    const entry = randomStatusEntry();
    const created = await db.$queryRaw<{ id: Uint8Array; status_list: number; status_idx: number }[]>`
      INSERT INTO app.credential_batch (id, registration_id, offline, status_list, status_idx, issued_at, expires_at)
      VALUES (${randomBytes(ID_BYTES)}, ${registrationId}::uuid, ${offline}, ${entry.statusList}, ${entry.statusIdx}, ${now}, ${expiresAt})
      ON CONFLICT (status_list, status_idx) DO NOTHING
      RETURNING id, status_list, status_idx`;
    if (created[0]) return { id: new Uint8Array(created[0].id), statusList: created[0].status_list, statusIdx: created[0].status_idx };
    if (attempt > 20) throw new Error("the status list has no free entry");
  }
}

function sign(key: SigningKey, issuer: string, batch: { id: Uint8Array; statusList: number; statusIdx: number }, record: ResidentRecord, purpose: Purpose, from: Date, until: Date): Promise<string> {
  return encodePresentation(
    {
      iss: issuer,
      sub: new Uint8Array(batch.id),
      pid: new Uint8Array(randomBytes(ID_BYTES)),
      purpose,
      iat: Math.floor(from.getTime() / 1000),
      exp: Math.floor(until.getTime() / 1000),
      status: { list: batch.statusList, idx: batch.statusIdx },
      fields: PURPOSE_RULES[purpose].offline ? disclosedFields(record, PURPOSE_RULES[purpose].fields, from) : {},
    },
    key,
  );
}

/**
 * The values of `fields` (never the photo: it is served online). In a token, a field another one
 * gives is left out (DERIVED_FIELDS); `derived` keeps it, for answers shown to a verifier.
 */
export function disclosedFields(record: ResidentRecord, fields: readonly IdentityField[], at: Date, { derived: keepDerived = false } = {}): DisclosedFields {
  const { card } = record;
  const values: Record<Exclude<IdentityField, "photo">, string | boolean> = {
    ageOver17: isAtLeast(record.tanggalLahir, 17, at),
    nik: card.nik,
    nikMasked: maskNik(card.nik),
    nama: card.nama,
    tempatLahir: record.tempatLahir,
    tanggalLahir: record.tanggalLahir,
    jenisKelamin: card.jenisKelamin,
    golonganDarah: card.golonganDarah,
    alamat: card.alamat,
    rtRw: card.rtRw,
    kelurahanDesa: card.kelurahanDesa,
    kecamatan: card.kecamatan,
    kabupatenKota: card.kabupatenKota,
    provinsi: card.provinsi,
    agama: card.agama,
    statusPerkawinan: card.statusPerkawinan,
    pekerjaan: card.pekerjaan,
    kewarganegaraan: card.kewarganegaraan,
  };
  const out: DisclosedFields = {};
  for (const field of fields) {
    // Left out when the token carries what gives it (DERIVED_FIELDS): the QR stays small.
    const derived = DERIVED_FIELDS[field as keyof typeof DERIVED_FIELDS];
    if (field !== "photo" && (keepDerived || !(derived && fields.includes(derived.from)))) out[field] = values[field];
  }
  return out;
}
