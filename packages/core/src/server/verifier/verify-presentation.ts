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
  const fail = (reason: VerifyReason, registrationId: string | null = null, sharedPurpose: Purpose | null = null) => recordFailure(options, reason, registrationId, sharedPurpose, now);

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

  // One statement, one round trip: the citizen behind the pseudonym as they stand now (what the
  // status list says, but current), with their SIAK record and photo, and, if nothing refuses them,
  // the first use of the presentation id with its verification and audit record, written together
  // or not at all. Of two organisations presenting one token at once, the second waits for the
  // first's commit, then finds the id taken. The receipt is signed beforehand (a refusal wastes it).
  const shared = sharedFields(claims.purpose, purpose);
  const id = randomUUID();
  const receipt = await signReceipt(options, { id, purpose, fields: shared.fields, pid: claims.pid, at: now });
  const [subject] = await preparedRows<SubjectRow>(db, CHECK_AND_RECORD, [
    claims.sub,
    claims.status.list,
    claims.status.idx,
    shared.fields.some((field) => field !== "photo"),
    shared.fields.includes("photo"),
    claims.pid,
    org.id,
    now,
    new Date(claims.exp * 1000 + PRESENTATION_MEMORY_MS),
    id,
    options.branchId ?? null,
    options.apiKeyId ?? null,
    options.staffId ?? null,
    purpose,
    claims.purpose,
    shared.fields,
    receipt,
    options.offline !== undefined,
    `${purpose}: valid`,
    options.requestId ?? null,
  ]);
  // A status entry that is not the batch's: a forged or stale index, told nothing about the person.
  if (!subject || subject.refusal === "STATUS") return fail("TOKEN_REVOKED");
  const registrationId = subject.registration_id;
  if (subject.refusal) return fail(subject.refusal, registrationId, claims.purpose);
  let outcome: { id: string; receipt: string } = { id, receipt };
  if (subject.recorded === 0) {
    const owner = await db.presentationUse.findUnique({ where: { pid: claims.pid }, select: { orgId: true } });
    // The same organisation scanning the same QR again: the same verification, counted once.
    const earlier = owner?.orgId === org.id ? await db.verification.findUnique({ where: { orgId_pid: { orgId: org.id, pid: claims.pid } }, select: { id: true, receipt: true } }) : null;
    if (!earlier?.receipt) return fail("PRESENTATION_USED", registrationId, claims.purpose);
    outcome = { id: earlier.id, receipt: earlier.receipt };
  }

  const values = disclosedFields(toResidentRecord(subject), shared.fields, new Date(claims.iat * 1000), { derived: true });
  // PostgreSQL's base64 breaks lines every 76 characters; removing them here costs far less than in SQL.
  if (subject.photo) values.photo = subject.photo.replaceAll("\n", "");
  return { verdict: "valid", reason: null, fields: values, withheld: shared.withheld, receiptId: outcome.id, receipt: outcome.receipt };
}

interface SubjectRow extends ResidentRow {
  registration_id: string;
  /** Why the subject is refused, checked in that order; null when the verification was attempted. */
  refusal: "STATUS" | "TOKEN_REVOKED" | "IDENTITY_LOCKED" | "NOT_SHARED" | null;
  /** 1 when this call recorded the first use; 0 when the presentation id was taken (or refused). */
  recorded: number;
  /** The e-KTP photo as a data: URL (base64 with line breaks), when the photo is shared: PostgreSQL encodes it, so no bytea crosses the wire as hex. */
  photo: string | null;
}

/**
 * The hot path's one statement, prepared once per connection (decision 018). Parameters: $1 the
 * batch (sub), $2/$3 the token's status list and index, $4 whether anything but the photo is
 * shared, $5 whether the photo is, then what the first use writes. Dates come back as UTC
 * midnights, as Prisma gives them (pg would read a bare date in the server's time zone).
 */
const CHECK_AND_RECORD: PreparedStatement = {
  name: "verify_check_and_record",
  text: `
    WITH subject AS (
      SELECT r.id AS registration_id,
             CASE WHEN b.status_list <> $2::int OR b.status_idx <> $3::int THEN 'STATUS'
                  WHEN r.step <> 'ACTIVE' OR d.revoked_at IS NOT NULL OR p.tanggal_meninggal IS NOT NULL THEN 'TOKEN_REVOKED'
                  WHEN r.locked_at IS NOT NULL THEN 'IDENTITY_LOCKED'
                  WHEN NOT $4::boolean THEN 'NOT_SHARED' END AS refusal,
             p.nik, p.nama, p.tempat_lahir AS "tempatLahir",
             p.tanggal_lahir::timestamp AT TIME ZONE 'UTC' AS "tanggalLahir", p.tanggal_meninggal::timestamp AT TIME ZONE 'UTC' AS "tanggalMeninggal",
             p.jenis_kelamin::text AS "jenisKelamin", p.golongan_darah::text AS "golonganDarah", p.alamat, p.rt, p.rw, p.agama::text AS agama,
             p.status_perkawinan::text AS "statusPerkawinan", p.pekerjaan, p.kewarganegaraan::text AS kewarganegaraan,
             ds.nama AS desa, kc.nama AS kecamatan, kb.nama AS kabupaten, pv.nama AS provinsi,
             CASE WHEN $5::boolean AND f.gambar IS NOT NULL
                  THEN 'data:' || f.mime || ';base64,' || encode(f.gambar, 'base64') END AS photo
        FROM app.credential_batch b
        JOIN app.registration r ON r.id = b.registration_id
        LEFT JOIN app.device d ON d.registration_id = r.id
        JOIN siak.penduduk p ON p.nik = r.nik
        JOIN siak.desa ds ON ds.kode = p.desa_kode
        JOIN siak.kecamatan kc ON kc.kode = ds.kecamatan_kode
        JOIN siak.kabupaten kb ON kb.kode = kc.kabupaten_kode
        JOIN siak.provinsi pv ON pv.kode = kb.provinsi_kode
        LEFT JOIN siak.foto_ektp f ON f.nik = p.nik
       WHERE b.id = $1::bytea
    ), used AS (
      INSERT INTO app.presentation_use (pid, org_id, first_used_at, expires_at)
      SELECT $6::bytea, $7::uuid, $8::timestamptz, $9::timestamptz FROM subject WHERE refusal IS NULL
      ON CONFLICT (pid) DO NOTHING
      RETURNING pid
    ), verification AS (
      INSERT INTO app.verification (id, org_id, branch_id, api_key_id, staff_id, registration_id, pid, asked_purpose, shared_purpose, verdict, fields, receipt, offline, at)
      SELECT $10::uuid, $7::uuid, $11::uuid, $12::uuid, $13::uuid, subject.registration_id, used.pid, $14::text, $15::text, 'valid', $16::text[], $17::text, $18::boolean, $8::timestamptz
        FROM used, subject
      RETURNING id, registration_id
    ), audit AS (
      INSERT INTO app.audit_event (id, at, actor_type, actor_id, action, registration_id, note, request_id)
      SELECT gen_random_uuid(), $8::timestamptz, 'VERIFIER'::app.audit_actor, $7::uuid, 'verifier.verify', registration_id, $19::text, $20::text
        FROM verification
      RETURNING id
    )
    SELECT subject.*, (SELECT count(*)::int FROM audit) AS recorded FROM subject`,
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
