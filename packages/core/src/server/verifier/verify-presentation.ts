import "server-only";
import type { Db } from "@ktp/db";
import { SignJWT } from "jose";
import { PURPOSE_RULES, type Purpose, sharedFields } from "../../universal/identity/purposes.ts";
import { bytesToBase64url, parsePresentation, type ParsedPresentation, TokenFormatError } from "../../universal/identity/token.ts";
import type { VerifyReason, VerifyResult } from "../../universal/verifier.ts";
import { disclosedFields } from "../identity/issue-presentations.ts";
import { findVerificationKey, getSigningKey, verifySignature } from "../identity/issuer-keys.ts";
import { loadEktpPhoto, loadResidentRecord } from "../siak/load-ktp-card.ts";

// The online check of an identity QR, for the scan page and POST /api/v1/verify alike: signature
// and time, the citizen's current status, what the organisation may see, and the first-use rule;
// then a signed receipt. Every outcome is one `verification` row (decision 015).

/** Clocks of phones and counters drift; a token is accepted this far outside its window. */
export const CLOCK_SKEW_SECONDS = 30;
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
  const nowSeconds = now.getTime() / 1000;
  if (claims.exp + CLOCK_SKEW_SECONDS < nowSeconds) return fail("TOKEN_EXPIRED", null, claims.purpose);
  if (claims.iat - CLOCK_SKEW_SECONDS > nowSeconds) return fail("TOKEN_NOT_YET_VALID", null, claims.purpose);

  // The citizen behind the pseudonym, as they stand now (what the status list says, but current).
  const batch = await db.credentialBatch.findUnique({
    where: { id: claims.sub },
    select: { statusList: true, statusIdx: true, registration: { select: { id: true, nik: true, step: true, lockedAt: true, device: { select: { revokedAt: true } } } } },
  });
  if (!batch || batch.statusList !== claims.status.list || batch.statusIdx !== claims.status.idx) return fail("TOKEN_REVOKED");
  const { registration } = batch;
  const record = await loadResidentRecord(db, registration.nik);
  if (registration.step !== "ACTIVE" || registration.device?.revokedAt || !record || record.deceased) return fail("TOKEN_REVOKED", registration.id, claims.purpose);
  if (registration.lockedAt) return fail("IDENTITY_LOCKED", registration.id, claims.purpose);

  const shared = sharedFields(claims.purpose, purpose);
  if (!shared.fields.some((field) => field !== "photo")) return fail("NOT_SHARED", registration.id, claims.purpose);

  // First use wins: the row is taken in the same transaction as the verification, so of two
  // organisations presenting one token at once exactly one gets it.
  const outcome = await db.$transaction(async (tx) => {
    const taken = await tx.$queryRaw<{ org_id: string }[]>`
      INSERT INTO app.presentation_use (pid, org_id, first_used_at, expires_at)
      VALUES (${claims.pid}, ${org.id}::uuid, ${now}, ${new Date(claims.exp * 1000 + PRESENTATION_MEMORY_MS)})
      ON CONFLICT (pid) DO NOTHING
      RETURNING org_id`;
    if (!taken[0]) {
      const owner = await tx.presentationUse.findUnique({ where: { pid: claims.pid }, select: { orgId: true } });
      if (owner?.orgId !== org.id) return { id: null, receipt: null, reason: "PRESENTATION_USED" as const };
      // The same organisation scanning the same QR again: the same verification, counted once.
      const earlier = await tx.verification.findUnique({ where: { orgId_pid: { orgId: org.id, pid: claims.pid } }, select: { id: true, receipt: true } });
      if (earlier) return { id: earlier.id, receipt: earlier.receipt, reason: null };
    }
    const verification = await tx.verification.create({
      data: {
        orgId: org.id, branchId: options.branchId ?? null, apiKeyId: options.apiKeyId ?? null, registrationId: registration.id, pid: claims.pid,
        askedPurpose: purpose, sharedPurpose: claims.purpose, verdict: "valid", fields: shared.fields, at: now,
      },
      select: { id: true },
    });
    const receipt = await signReceipt(options, { id: verification.id, purpose, fields: shared.fields, pid: claims.pid, at: now });
    await tx.verification.update({ where: { id: verification.id }, data: { receipt } });
    await tx.auditEvent.create({
      data: { actorType: "VERIFIER", actorId: org.id, action: "verifier.verify", registrationId: registration.id, note: `${purpose}: valid`, requestId: options.requestId },
    });
    return { id: verification.id, receipt, reason: null };
  });
  if (outcome.reason) return fail(outcome.reason, registration.id, claims.purpose);

  const values = disclosedFields(record, shared.fields, new Date(claims.iat * 1000), { derived: true });
  if (shared.fields.includes("photo")) {
    const photo = await loadEktpPhoto(db, registration.nik);
    if (photo) values.photo = `data:${photo.mime};base64,${Buffer.from(photo.bytes).toString("base64")}`;
  }
  return { verdict: "valid", reason: null, fields: values, withheld: shared.withheld, receiptId: outcome.id, receipt: outcome.receipt ?? null };
}

async function recordFailure(options: VerifyPresentationOptions, reason: VerifyReason, registrationId: string | null, sharedPurpose: Purpose | null, now: Date): Promise<VerifyResult> {
  const { db, org, purpose } = options;
  await db.$transaction([
    db.verification.create({
      data: { orgId: org.id, branchId: options.branchId ?? null, apiKeyId: options.apiKeyId ?? null, registrationId, askedPurpose: purpose, sharedPurpose, verdict: "invalid", reason, fields: [], at: now },
    }),
    db.auditEvent.create({ data: { actorType: "VERIFIER", actorId: org.id, action: "verifier.verify", registrationId, note: `${purpose}: ${reason}`, requestId: options.requestId } }),
  ]);
  return { verdict: "invalid", reason, fields: {}, withheld: [], receiptId: null, receipt: null };
}

/**
 * The receipt a verifier keeps instead of a photocopy: who verified, for what, which fields (names
 * only), when, and which presentation. Signed with the platform's RECEIPT key; anyone can check it
 * against the JWKS for years (issuer-keys.ts keeps receipt keys published ten years).
 */
async function signReceipt(options: VerifyPresentationOptions, r: { id: string; purpose: Purpose; fields: string[]; pid: Uint8Array; at: Date }): Promise<string> {
  const key = await getSigningKey({ db: options.db, sealKey: options.sealKey, use: "RECEIPT", now: r.at });
  return new SignJWT({
    org: { id: options.org.id, name: options.org.legalName },
    branch: options.branchId ?? null,
    purpose: r.purpose,
    stamp: `Hanya untuk ${PURPOSE_RULES[r.purpose].label.id} oleh ${options.org.legalName}`,
    fields: r.fields,
    pid: bytesToBase64url(r.pid),
  })
    .setProtectedHeader({ alg: "EdDSA", kid: key.kid, typ: "ktp-receipt+jwt" })
    .setIssuer(options.issuer)
    .setJti(r.id)
    .setIssuedAt(Math.floor(r.at.getTime() / 1000))
    .sign(key.privateKey);
}
