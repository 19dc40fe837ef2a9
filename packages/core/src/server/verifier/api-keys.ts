import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "@ktp/db";
import { AppError } from "../../universal/errors.ts";
import type { Purpose } from "../../universal/identity/purposes.ts";

// API keys of approved organisations: "vk_<prefix>_<secret>", shown once. The prefix finds the
// row; only the SHA-256 of the 256-bit secret is stored (a hash suffices: the secret is random).

const KEY_PATTERN = /^vk_([A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

export async function createApiKey({ db, orgId, purposes, label, officerId }: { db: Db; orgId: string; purposes?: Purpose[]; label: string; officerId?: string }) {
  const org = await db.verifierOrg.findUnique({ where: { id: orgId }, select: { status: true, purposes: true } });
  if (!org || org.status !== "APPROVED") throw new AppError("VERIFIER_NOT_APPROVED");
  const scoped = purposes ? purposes.filter((p) => org.purposes.includes(p)) : org.purposes;
  if (scoped.length === 0) throw new AppError("PURPOSE_UNKNOWN", { field: "purposes" });
  const prefix = randomBytes(8).toString("base64url").replace(/[-_]/g, "").slice(0, 10).padEnd(10, "0");
  const secret = randomBytes(32).toString("base64url");
  const row = await db.verifierApiKey.create({ data: { orgId, prefix, secretHash: sha256(secret), purposes: scoped, label }, select: { id: true } });
  await db.auditEvent.create({ data: { actorType: officerId ? "OFFICER" : "VERIFIER", actorId: officerId ?? orgId, action: "verifier_api_key.create", note: `${orgId} ${prefix}` } });
  return { id: row.id, key: `vk_${prefix}_${secret}`, prefix, purposes: scoped };
}

export interface ApiKeyHolder {
  apiKeyId: string;
  prefix: string;
  org: { id: string; legalName: string; purposes: string[] };
}

/** The organisation behind a Bearer key, or null for a key that is unknown, revoked or of an organisation no longer approved. */
export async function authenticateApiKey(db: Db, authorization: string | null): Promise<ApiKeyHolder | null> {
  const match = KEY_PATTERN.exec(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  if (!match) return null;
  const row = await db.verifierApiKey.findUnique({
    where: { prefix: match[1]! },
    select: { id: true, prefix: true, secretHash: true, purposes: true, revokedAt: true, org: { select: { id: true, legalName: true, status: true } } },
  });
  if (!row || row.revokedAt || row.org.status !== "APPROVED") return null;
  if (!timingSafeEqual(Buffer.from(row.secretHash, "hex"), Buffer.from(sha256(match[2]!), "hex"))) return null;
  return { apiKeyId: row.id, prefix: row.prefix, org: { id: row.org.id, legalName: row.org.legalName, purposes: row.purposes } };
}

export async function revokeApiKey({ db, orgId, prefix, actorId }: { db: Db; orgId: string; prefix: string; actorId: string }) {
  const revoked = await db.verifierApiKey.updateMany({ where: { orgId, prefix, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) throw new AppError("NOT_FOUND");
  await db.auditEvent.create({ data: { actorType: "VERIFIER", actorId, action: "verifier_api_key.revoke", note: `${orgId} ${prefix}` } });
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
