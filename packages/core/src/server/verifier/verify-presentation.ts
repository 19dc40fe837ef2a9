import "server-only";
import { randomUUID } from "node:crypto";
import { type Db, type PreparedStatement, preparedRows } from "@ktp/db";
import { PURPOSE_RULES, type Purpose, sharedFields } from "../../universal/identity/purposes.ts";
import { bytesToBase64url, parsePresentation, type ParsedPresentation, TokenFormatError } from "../../universal/identity/token.ts";
import { tokenTimeReason, type VerifyReason, type VerifyResult } from "../../universal/verifier.ts";
import { disclosedFields } from "../identity/issue-presentations.ts";
import { findVerificationKey, getSigningKey, verifySignature } from "../identity/issuer-keys.ts";
import { type ResidentRow, toResidentRecord } from "../siak/load-ktp-card.ts";

// The online check of an identity QR, for the scan page and POST /api/v1/verify alike: signature
// and time, the citizen's current status, what the organisation may see, and the first-use rule;
// then a signed receipt. Every outcome is one `verification` row (decision 015), written in one
// statement: the check is one read and one write, as it must be at a thousand a second.

/** A presentation id is kept at least this long after its token expired. */
const PRESENTATION_MEMORY_MS = 24 * 3600_000;

export interface VerifyingOrg {
  id: string;
  legalName: string;
  /** The purposes it is approved for, narrowed by the API key's when one is used. */
  purposes: readonly string[];
}

export interface VerifyPresentationOptions {
  db: Db;
  /** deriveKey(APP_SECRET, "issuer-keys"): the receipt key is one of the issuer keys. */
  sealKey: Buffer;
  /** The identity tokens' issuer (CITIZEN_URL). */
  issuer: string;
  org: VerifyingOrg;
  branchId?: string | null;
  apiKeyId?: string | null;
  /** The staff member on the scan page. */
  staffId?: string | null;
  /**
   * A result the scan page made offline and sends now (`now` is the moment it was made), under the
   * id the page gave it: sent twice, a failure is recorded once (a success is, by its token's id).
   */
  offline?: { id: string };
  token: string;
  purpose: Purpose;
  requestId?: string;
  now?: Date;
}

export async function verifyPresentation(options: VerifyPresentationOptions): Promise<VerifyResult> {
  const { db, org, token, purpose, now = new Date() } = options;
  const fail = (reason: VerifyReason, registrationId: string | null = null, sharedPurpose: Purpose | null = null) =>
    recordFailure(options, reason, registrationId, sharedPurpose, now);

  if (!org.purposes.includes(purpose)) return fail("PURPOSE_NOT_ALLOWED");
  let parsed: ParsedPresentation;
  try {
    parsed = parsePresentation(token);
  } catch (error) {
    if (error instanceof TokenFormatError) return fail("TOKEN_MALFORMED");
    throw error;
  }
  const { claims } = parsed;
  const key = claims.iss === options.issuer ? await findVerificationKey(db, parsed.kid, now) : null;
  if (!key) return fail("TOKEN_UNKNOWN_KEY");
  if (!verifySignature(key, parsed.signed, parsed.signature)) return fail("TOKEN_BAD_SIGNATURE");
  const late = tokenTimeReason(claims, now.getTime() / 1000);
  if (late) return fail(late, null, claims.purpose);

  // The citizen behind the pseudonym, as they stand now (what the status list says, but current),
  // with their SIAK record and photo: one round trip.
  const shared = sharedFields(claims.purpose, purpose);
  const subject = await findSubject(db, claims.sub, shared.fields.includes("photo"));
  if (!subject || subject.status_list !== claims.status.list || subject.status_idx !== claims.status.idx) return fail("TOKEN_REVOKED");
  const registrationId = subject.registration_id;
  if (subject.step !== "ACTIVE" || subject.revoked_at || subject.tanggalMeninggal) return fail("TOKEN_REVOKED", registrationId, claims.purpose);
  if (subject.locked_at) return fail("IDENTITY_LOCKED", registrationId, claims.purpose);
  if (!shared.fields.some((field) => field !== "photo")) return fail("NOT_SHARED", registrationId, claims.purpose);

  // First use wins, in one statement: the presentation id, the verification and its audit record
  // are written together or not at all. Of two organisations presenting one token at once, the
  // second waits for the first's commit, then finds the id taken.
  const id = randomUUID();
  const receipt = await signReceipt(options, { id, purpose, fields: shared.fields, pid: claims.pid, at: now });
  const inserted = await preparedRows<{ n: number }>(db, RECORD_VALID, [
    claims.pid, org.id, now, new Date(claims.exp * 1000 + PRESENTATION_MEMORY_MS), id, options.branchId ?? null, options.apiKeyId ?? null,
    options.staffId ?? null, registrationId, purpose, claims.purpose, shared.fields, receipt, options.offline !== undefined, `${purpose}: valid`, options.requestId ?? null,
  ]);
  let outcome: { id: string; receipt: string } = { id, receipt };
  if ((inserted[0]?.n ?? 0) === 0) {
    const owner = await db.presentationUse.findUnique({ where: { pid: claims.pid }, select: { orgId: true } });
    // The same organisation scanning the same QR again: the same verification, counted once.
    const earlier = owner?.orgId === org.id ? await db.verification.findUnique({ where: { orgId_pid: { orgId: org.id, pid: claims.pid } }, select: { id: true, receipt: true } }) : null;
    if (!earlier?.receipt) return fail("PRESENTATION_USED", registrationId, claims.purpose);
    outcome = { id: earlier.id, receipt: earlier.receipt };
  }

  const values = disclosedFields(toResidentRecord(subject), shared.fields, new Date(claims.iat * 1000), { derived: true });
  if (subject.photo) values.photo = `data:${subject.mime};base64,${Buffer.from(subject.photo).toString("base64")}`;
  return { verdict: "valid", reason: null, fields: values, withheld: shared.withheld, receiptId: outcome.id, receipt: outcome.receipt };
}

interface SubjectRow extends ResidentRow {
  registration_id: string;
  step: string;
  locked_at: Date | null;
  revoked_at: Date | null;
  status_list: number;
  status_idx: number;
  photo: Uint8Array | null;
  mime: string | null;
}

/** The registration behind a batch's pseudonym, its device, its SIAK record with place names, and (if asked) the e-KTP photo. */
async function findSubject(db: Db, sub: Uint8Array, withPhoto: boolean): Promise<SubjectRow | null> {
  return (await preparedRows<SubjectRow>(db, FIND_SUBJECT, [sub, withPhoto]))[0] ?? null;
}

// The hot path's two statements, prepared once per connection (decision 018).
const FIND_SUBJECT: PreparedStatement = {
  name: "verify_find_subject",
  text: `
    SELECT r.id AS registration_id, r.step::text AS step, r.locked_at, d.revoked_at, b.status_list, b.status_idx,
           p.nik, p.nama, p.tempat_lahir AS "tempatLahir", p.tanggal_lahir AS "tanggalLahir", p.tanggal_meninggal AS "tanggalMeninggal",
           p.jenis_kelamin::text AS "jenisKelamin", p.golongan_darah::text AS "golonganDarah", p.alamat, p.rt, p.rw, p.agama::text AS agama,
           p.status_perkawinan::text AS "statusPerkawinan", p.pekerjaan, p.kewarganegaraan::text AS kewarganegaraan,
           ds.nama AS desa, kc.nama AS kecamatan, kb.nama AS kabupaten, pv.nama AS provinsi,
           CASE WHEN $2::boolean THEN f.gambar END AS photo, f.mime
      FROM app.credential_batch b
      JOIN app.registration r ON r.id = b.registration_id
      LEFT JOIN app.device d ON d.registration_id = r.id
      JOIN siak.penduduk p ON p.nik = r.nik
      JOIN siak.desa ds ON ds.kode = p.desa_kode
      JOIN siak.kecamatan kc ON kc.kode = ds.kecamatan_kode
      JOIN siak.kabupaten kb ON kb.kode = kc.kabupaten_kode
      JOIN siak.provinsi pv ON pv.kode = kb.provinsi_kode
      LEFT JOIN siak.foto_ektp f ON f.nik = p.nik
     WHERE b.id = $1::bytea`,
};

/** First use of a presentation id, its verification and the audit record, in one statement; the number of audit rows written (0 or 1). */
const RECORD_VALID: PreparedStatement = {
  name: "verify_record_valid",
  text: `
    WITH used AS (
      INSERT INTO app.presentation_use (pid, org_id, first_used_at, expires_at)
      VALUES ($1::bytea, $2::uuid, $3::timestamptz, $4::timestamptz)
      ON CONFLICT (pid) DO NOTHING
      RETURNING pid
    ), verification AS (
      INSERT INTO app.verification (id, org_id, branch_id, api_key_id, staff_id, registration_id, pid, asked_purpose, shared_purpose, verdict, fields, receipt, offline, at)
      SELECT $5::uuid, $2::uuid, $6::uuid, $7::uuid, $8::uuid, $9::uuid, pid, $10::text, $11::text, 'valid', $12::text[], $13::text, $14::boolean, $3::timestamptz
        FROM used
      RETURNING id
    ), audit AS (
      INSERT INTO app.audit_event (id, at, actor_type, actor_id, action, registration_id, note, request_id)
      SELECT gen_random_uuid(), $3::timestamptz, 'VERIFIER'::app.audit_actor, $2::uuid, 'verifier.verify', $9::uuid, $15::text, $16::text
        FROM verification
      RETURNING id
    )
    SELECT count(*)::int AS n FROM audit`,
};

async function recordFailure(options: VerifyPresentationOptions, reason: VerifyReason, registrationId: string | null, sharedPurpose: Purpose | null, now: Date): Promise<VerifyResult> {
  const { db, org, purpose } = options;
  // One statement, one commit: the verification and its audit record.
  await db.$executeRaw`
    WITH verification AS (
      INSERT INTO app.verification (id, org_id, branch_id, api_key_id, staff_id, registration_id, asked_purpose, shared_purpose, verdict, reason, fields, offline, at)
      VALUES (COALESCE(${options.offline?.id ?? null}::uuid, gen_random_uuid()), ${org.id}::uuid, ${options.branchId ?? null}::uuid, ${options.apiKeyId ?? null}::uuid,
              ${options.staffId ?? null}::uuid, ${registrationId}::uuid, ${purpose}, ${sharedPurpose}, 'invalid', ${reason}, '{}', ${options.offline !== undefined}, ${now})
      ON CONFLICT (id) DO NOTHING
      RETURNING id
    )
    INSERT INTO app.audit_event (id, at, actor_type, actor_id, action, registration_id, note, request_id)
    SELECT gen_random_uuid(), ${now}, 'VERIFIER'::app.audit_actor, ${org.id}::uuid, 'verifier.verify', ${registrationId}::uuid, ${`${purpose}: ${reason}`}, ${options.requestId ?? null}
      FROM verification`;
  return { verdict: "invalid", reason, fields: {}, withheld: [], receiptId: null, receipt: null };
}

/**
 * The receipt a verifier keeps instead of a photocopy: who verified, for what, which fields (names
 * only), when, and which presentation. Signed with the platform's RECEIPT key; anyone can check it
 * against the JWKS for years (issuer-keys.ts keeps receipt keys published ten years).
 */
async function signReceipt(options: VerifyPresentationOptions, r: { id: string; purpose: Purpose; fields: string[]; pid: Uint8Array; at: Date }): Promise<string> {
  const key = await getSigningKey({ db: options.db, sealKey: options.sealKey, use: "RECEIPT", now: r.at });
  // A compact JWS made with node:crypto: jose's WebCrypto path costs more than the signature
  // itself on every verification. Any JOSE library verifies it (the tests use jose).
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signingInput = `${part({ alg: "EdDSA", kid: key.kid, typ: "ktp-receipt+jwt" })}.${part({
    iss: options.issuer,
    jti: r.id,
    iat: Math.floor(r.at.getTime() / 1000),
    org: { id: options.org.id, name: options.org.legalName },
    branch: options.branchId ?? null,
    purpose: r.purpose,
    stamp: `Hanya untuk ${PURPOSE_RULES[r.purpose].label.id} oleh ${options.org.legalName}`,
    fields: r.fields,
    pid: bytesToBase64url(r.pid),
  })}`;
  return `${signingInput}.${Buffer.from(key.sign(Buffer.from(signingInput))).toString("base64url")}`;
}
