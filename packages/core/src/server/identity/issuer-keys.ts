import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign as signBytes, verify as verifyBytes } from "node:crypto";
import type { Db } from "@ktp/db";
import { seal, unseal } from "../secrets.ts";

// The platform's Ed25519 signing keys (decision 013). Each use has one key that signs at a time;
// its successor is created and published a day before it takes over, so verifiers that cache the
// JWKS know it in time; a retired key stays published until nothing it signed can still be valid.

export type IssuerKeyUse = "IDENTITY" | "RECEIPT";

const DAY_MS = 24 * 60 * 60 * 1000;

export const KEY_POLICY: Record<IssuerKeyUse, { rotateEveryMs: number; prepublishMs: number; outlivesRetirementMs: number }> = {
  // Identity tokens live at most 24 h 5 min (an offline batch); status lists minutes.
  IDENTITY: { rotateEveryMs: 30 * DAY_MS, prepublishMs: DAY_MS, outlivesRetirementMs: 2 * DAY_MS },
  // Receipts are checked years later, by anyone.
  RECEIPT: { rotateEveryMs: 365 * DAY_MS, prepublishMs: DAY_MS, outlivesRetirementMs: 10 * 365 * DAY_MS },
};

export interface PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg: "EdDSA";
  use: "sig";
}

export interface SigningKey {
  kid: string;
  /** For jose (JWS: the status list, receipts). */
  privateKey: KeyObject;
  /** Raw Ed25519 (COSE: the identity tokens). */
  sign: (data: Uint8Array) => Uint8Array;
}

export interface IssuerKeyOptions {
  db: Db;
  /** deriveKey(APP_SECRET, "issuer-keys"): seals and opens the private keys at rest. */
  sealKey: Buffer;
  now?: Date;
}

/** The key that signs `use` now; creates the first key, or schedules the next one, when due. */
export async function getSigningKey({ db, sealKey, use, now = new Date() }: IssuerKeyOptions & { use: IssuerKeyUse }): Promise<SigningKey> {
  const cached = signingCache.get(use);
  if (cached && cached.until > now.getTime() && cached.from <= now.getTime()) return cached.key;
  const row = await db.$transaction(async (tx) => {
    // One process at a time decides rotations; the others wait, then see its keys.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`issuer_key:${use}`}))`;
    let current = await tx.issuerKey.findFirst({
      where: { use, activatesAt: { lte: now }, OR: [{ retiresAt: null }, { retiresAt: { gt: now } }] },
      orderBy: { activatesAt: "desc" },
    });
    if (!current) current = await tx.issuerKey.create({ data: newKeyRow(sealKey, use, now) });
    const policy = KEY_POLICY[use];
    if (!current.retiresAt && current.activatesAt.getTime() + policy.rotateEveryMs - policy.prepublishMs <= now.getTime()) {
      const takesOver = new Date(Math.max(current.activatesAt.getTime() + policy.rotateEveryMs, now.getTime() + policy.prepublishMs));
      await tx.issuerKey.create({ data: newKeyRow(sealKey, use, takesOver) });
      current = await tx.issuerKey.update({ where: { kid: current.kid }, data: retirement(use, takesOver) });
    }
    return current;
  });
  const key = toSigningKey(row.kid, unseal(sealKey, row.privateKeySealed, row.kid));
  // Checked again within a minute, and never past the moment the key retires.
  const until = Math.min(now.getTime() + 60_000, row.retiresAt?.getTime() ?? Infinity);
  signingCache.set(use, { key, from: row.activatesAt.getTime(), until });
  return key;
}

const signingCache = new Map<IssuerKeyUse, { key: SigningKey; from: number; until: number }>();

/**
 * By command (`npm run keys -- rotate`): a successor takes over after the usual pre-publication
 * day, or at once with `immediately` (the old key is then retired, still published). `revoke`
 * also stops publishing the old key: everything it signed stops verifying (a leaked key).
 */
export async function rotateIssuerKey({ db, sealKey, use, now = new Date(), immediately = false, revoke = false }: IssuerKeyOptions & { use: IssuerKeyUse; immediately?: boolean; revoke?: boolean }) {
  const takesOver = immediately || revoke ? now : new Date(now.getTime() + KEY_POLICY[use].prepublishMs);
  const result = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`issuer_key:${use}`}))`;
    // Every key still signing, or scheduled to, gives way to the new one.
    const superseded = await tx.issuerKey.findMany({ where: { use, OR: [{ retiresAt: null }, { retiresAt: { gt: takesOver } }] }, select: { kid: true, activatesAt: true } });
    const created = await tx.issuerKey.create({ data: newKeyRow(sealKey, use, takesOver) });
    for (const old of superseded) {
      if (old.activatesAt >= takesOver)
        await tx.issuerKey.delete({ where: { kid: old.kid } }); // never signed anything
      else await tx.issuerKey.update({ where: { kid: old.kid }, data: revoke ? { retiresAt: takesOver, publishUntil: now } : retirement(use, takesOver) });
    }
    return { kid: created.kid, activatesAt: created.activatesAt, retired: superseded.filter((k) => k.activatesAt < takesOver).map((k) => k.kid) };
  });
  signingCache.delete(use);
  return result;
}

/** The JWKS: every key that signs, will sign, or signed something that may still be valid. */
export async function publishedKeys(db: Db, now = new Date()): Promise<{ keys: PublicJwk[] }> {
  const rows = await db.issuerKey.findMany({
    where: { OR: [{ publishUntil: null }, { publishUntil: { gt: now } }] },
    orderBy: { activatesAt: "asc" },
    select: { publicJwk: true },
  });
  return { keys: rows.map((r) => r.publicJwk as unknown as PublicJwk) };
}

/** A published key as a node:crypto public key, or null when no such key is published. */
export async function findVerificationKey(db: Db, kid: string, now = new Date()): Promise<KeyObject | null> {
  const cached = verificationCache.get(kid);
  if (cached && cached.until > now.getTime()) return cached.key;
  const row = await db.issuerKey.findFirst({ where: { kid, OR: [{ publishUntil: null }, { publishUntil: { gt: now } }] }, select: { publicJwk: true, publishUntil: true } });
  const key = row ? createPublicKey({ key: row.publicJwk as unknown as PublicJwk & Record<string, string>, format: "jwk" }) : null;
  verificationCache.set(kid, { key, until: Math.min(now.getTime() + 60_000, row?.publishUntil?.getTime() ?? Infinity) });
  return key;
}

const verificationCache = new Map<string, { key: KeyObject | null; until: number }>();

/** Ed25519 over `data` with a public key from findVerificationKey. */
export function verifySignature(key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  return verifyBytes(null, data, key, signature);
}

function newKeyRow(sealKey: Buffer, use: IssuerKeyUse, activatesAt: Date) {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const kid = randomBytes(6).toString("base64url");
  const jwk = publicKey.export({ format: "jwk" });
  const publicJwk: PublicJwk = { kty: "OKP", crv: "Ed25519", x: jwk.x!, kid, alg: "EdDSA", use: "sig" };
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" });
  return { kid, use, publicJwk: { ...publicJwk }, privateKeySealed: seal(sealKey, pkcs8, kid), activatesAt };
}

function retirement(use: IssuerKeyUse, at: Date) {
  return { retiresAt: at, publishUntil: new Date(at.getTime() + KEY_POLICY[use].outlivesRetirementMs) };
}

function toSigningKey(kid: string, pkcs8: Buffer): SigningKey {
  const privateKey = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
  return { kid, privateKey, sign: (data) => new Uint8Array(signBytes(null, data, privateKey)) };
}

/** For tests: forget cached keys (another test database, or a rotation made elsewhere). */
export function forgetCachedKeys() {
  signingCache.clear();
  verificationCache.clear();
}
