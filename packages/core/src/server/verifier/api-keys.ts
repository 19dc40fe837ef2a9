import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { Purpose } from "../../universal/identity/purposes.ts";
import { type OversightActor, recordAudit } from "../audit/record-audit.ts";

// API keys of approved organisations: "vk_<prefix>_<secret>", shown once. The prefix finds the
// row; only the SHA-256 of the 256-bit secret is stored (a hash suffices: the secret is random).

const KEY_PATTERN = /^vk_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** A new key, scoped to some of the organisation's purposes; the key and its audit record together, or neither. */
export async function createApiKey({ db, orgId, purposes, label, actor, requestId }: { db: Db; orgId: string; purposes?: Purpose[]; label: string; actor: OversightActor; requestId?: string }) {
  const org = await db.verifierOrg.findUnique({ where: { id: orgId }, select: { status: true, purposes: true } });
  if (!org) throw new AppError("NOT_FOUND");
  if (org.status !== "APPROVED") throw new AppError("VERIFIER_NOT_APPROVED");
  const scoped = purposes ? [...new Set(purposes)].filter((p) => org.purposes.includes(p)) : org.purposes;
  if (scoped.length === 0) throw new AppError("PURPOSE_UNKNOWN", { field: "purposes" });
  const prefix = randomBytes(8).toString("base64url").replace(/[-_]/g, "").slice(0, 10).padEnd(10, "0");
  const secret = randomBytes(32).toString("base64url");
  const row = await db.$transaction(async (tx) => {
    const created = await tx.verifierApiKey.create({ data: { orgId, prefix, secretHash: sha256(secret), purposes: scoped, label }, select: { id: true } });
    await recordAudit(tx, { actorType: actor.type, actorId: actor.id, counterId: actor.counterId, action: "verifier_api_key.create", note: `${orgId} ${prefix}`, requestId });
    return created;
  });
  return { id: row.id, key: `vk_${prefix}_${secret}`, prefix, purposes: scoped };
}

export interface ApiKeyHolder {
  apiKeyId: string;
  prefix: string;
  org: { id: string; legalName: string; purposes: string[] };
}

/**
 * How long a process trusts what it read about a key. The machine API checks a key on every
 * request (a thousand a second); a revocation, or an organisation's suspension, reaches every
 * instance within this time (docs/security.md).
 */
export const API_KEY_CACHE_MS = 10_000;

interface KnownKey {
  /** null: no usable key has this prefix (unknown, revoked, organisation not approved). */
  row: { apiKeyId: string; prefix: string; secretHash: Buffer; org: ApiKeyHolder["org"] } | null;
  until: number;
}

// Per process, under a registered symbol: a Next.js server holds two copies of this module (its
// bundle's and the direct routes'), and a revocation made through one must clear the other's.
const known: Map<string, KnownKey> = ((globalThis as Record<symbol, Map<string, KnownKey>>)[Symbol.for("ktp.api-keys")] ??= new Map());

/** The organisation behind a Bearer key, or null for a key that is unknown, revoked or of an organisation no longer approved. */
export async function authenticateApiKey(db: Db, authorization: string | null): Promise<ApiKeyHolder | null> {
  const match = KEY_PATTERN.exec(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  if (!match) return null;
  const prefix = match[1]!;
  const now = Date.now();
  let entry = known.get(prefix);
  if (!entry || entry.until <= now) {
    const row = await db.verifierApiKey.findUnique({
      where: { prefix },
      select: { id: true, prefix: true, secretHash: true, purposes: true, revokedAt: true, org: { select: { id: true, legalName: true, status: true } } },
    });
    const usable = row && !row.revokedAt && row.org.status === "APPROVED";
    entry = {
      row: usable ? { apiKeyId: row.id, prefix: row.prefix, secretHash: Buffer.from(row.secretHash, "hex"), org: { id: row.org.id, legalName: row.org.legalName, purposes: row.purposes } } : null,
      until: now + API_KEY_CACHE_MS,
    };
    // Only real prefixes are remembered: guessed ones would grow the map (and are counted per address).
    if (row) known.set(prefix, entry);
  }
  const { row } = entry;
  if (!row || !timingSafeEqual(row.secretHash, Buffer.from(sha256(match[2]!), "hex"))) return null;
  return { apiKeyId: row.apiKeyId, prefix: row.prefix, org: row.org };
}

/** Revokes a key: refused at once by this process, by the others within API_KEY_CACHE_MS; audited. */
export async function revokeApiKey({ db, orgId, prefix, actor, requestId }: { db: Db; orgId: string; prefix: string; actor: OversightActor; requestId?: string }) {
  await db.$transaction(async (tx) => {
    const revoked = await tx.verifierApiKey.updateMany({ where: { orgId, prefix, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { actorType: actor.type, actorId: actor.id, counterId: actor.counterId, action: "verifier_api_key.revoke", note: `${orgId} ${prefix}`, requestId });
  });
  known.delete(prefix);
}

/** Forgets what this process read about an organisation's keys (it was suspended). */
export function forgetOrganisationKeys(orgId: string): void {
  for (const [prefix, entry] of known) if (entry.row?.org.id === orgId) known.delete(prefix);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
