// Checking an identity QR without calling home: the verifier page's offline mode (and anyone's
// own verifier). The issuer's public keys (JWKS) and signed status lists are fetched while online
// and kept; the token's signature, time, status and the consent intersection are checked with them
// in WebCrypto. Browser-safe: the same code runs in the page and in the tests (Node's WebCrypto).

import { unzlibSync } from "fflate";
import { tokenTimeReason, type VerifyReason } from "../verifier.ts";
import { type IdentityField, type Purpose, sharedFields } from "./purposes.ts";
import { type TokenStatus, statusAt } from "./status.ts";
import { base64urlToBytes, type FieldValue, parsePresentation, TokenFormatError } from "./token.ts";

export interface PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
}

/** What the page keeps while online: the issuer's keys and its signed status lists (Token Status List JWTs). */
export interface OfflinePack {
  issuer: string;
  jwks: { keys: PublicJwk[] };
  statusLists: Record<string, string>;
  /** When the page fetched it (ms since the epoch). */
  fetchedAt: number;
}

export interface OfflineResult {
  /** "unknown": signed and in time, but the cached status is too old to say ("belum dapat dipastikan"). */
  verdict: "valid" | "invalid" | "unknown";
  reason: VerifyReason | null;
  fields: Partial<Record<IdentityField, FieldValue>>;
  withheld: IdentityField[];
  /** When the status list used was signed (ms since the epoch); null when none was needed or usable. */
  statusAt: number | null;
}

export interface VerifyOfflineOptions {
  token: string;
  purpose: Purpose;
  /** The organisation's registered purposes. */
  purposes: readonly string[];
  pack: OfflinePack;
  /** How old the status list may be for a result to count (the organisation's setting). */
  maxStatusAgeMinutes: number;
  now?: number;
}

export async function verifyOffline({ token, purpose, purposes, pack, maxStatusAgeMinutes, now = Date.now() }: VerifyOfflineOptions): Promise<OfflineResult> {
  const fail = (reason: VerifyReason, listAt: number | null = null): OfflineResult => ({ verdict: "invalid", reason, fields: {}, withheld: [], statusAt: listAt });
  if (!purposes.includes(purpose)) return fail("PURPOSE_NOT_ALLOWED");
  let parsed;
  try {
    parsed = parsePresentation(token);
  } catch (error) {
    if (error instanceof TokenFormatError) return fail("TOKEN_MALFORMED");
    throw error;
  }
  const { claims } = parsed;
  const key = claims.iss === pack.issuer ? await importKey(pack, parsed.kid) : null;
  if (!key) return fail("TOKEN_UNKNOWN_KEY");
  if (!(await crypto.subtle.verify("Ed25519", key, bytes(parsed.signature), bytes(parsed.signed)))) return fail("TOKEN_BAD_SIGNATURE");
  const late = tokenTimeReason(claims, now / 1000);
  if (late) return fail(late);

  const list = await readStatusList(pack, claims.status.list);
  const status: TokenStatus | "UNKNOWN" = list ? statusAt(list.bits, claims.status.idx) : "UNKNOWN";
  if (status === "INVALID") return fail("TOKEN_REVOKED", list!.iat);
  if (status === "SUSPENDED") return fail("IDENTITY_LOCKED", list!.iat);
  const shared = sharedFields(claims.purpose, purpose);
  if (!shared.fields.some((field) => field !== "photo")) return fail("NOT_SHARED", list?.iat ?? null);
  if (!list || status === "UNKNOWN" || now - list.iat > maxStatusAgeMinutes * 60_000) {
    return { verdict: "unknown", reason: "STATUS_UNKNOWN", fields: {}, withheld: [], statusAt: list?.iat ?? null };
  }
  const fields: OfflineResult["fields"] = {};
  for (const field of shared.fields) if (claims.fields[field] !== undefined) fields[field] = claims.fields[field];
  return { verdict: "valid", reason: null, fields, withheld: shared.withheld, statusAt: list.iat };
}

const keyCache = new Map<string, Promise<CryptoKey | null>>();

/** The pack's public key `kid` as a WebCrypto key, imported once. */
function importKey(pack: OfflinePack, kid: string): Promise<CryptoKey | null> {
  const jwk = pack.jwks.keys.find((k) => k.kid === kid && k.kty === "OKP" && k.crv === "Ed25519");
  if (!jwk) return Promise.resolve(null);
  const cacheKey = `${kid}:${jwk.x}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x }, { name: "Ed25519" }, false, ["verify"]).catch(() => null);
    keyCache.set(cacheKey, key);
  }
  return key;
}

const listCache = new Map<string, Promise<{ bits: Uint8Array; iat: number } | null>>();

/** The pack's status list `list`, its JWT signature checked against the pack's keys; null when missing or not genuine. */
function readStatusList(pack: OfflinePack, list: number): Promise<{ bits: Uint8Array; iat: number } | null> {
  const jwt = pack.statusLists[String(list)];
  if (!jwt) return Promise.resolve(null);
  let read = listCache.get(jwt);
  if (!read) {
    read = decodeStatusList(pack, jwt).catch(() => null);
    listCache.clear();
    listCache.set(jwt, read);
  }
  return read;
}

async function decodeStatusList(pack: OfflinePack, jwt: string) {
  const [header, payload, signature] = jwt.split(".");
  if (!header || !payload || !signature) return null;
  const head = JSON.parse(new TextDecoder().decode(base64urlToBytes(header))) as { alg?: string; kid?: string; typ?: string };
  if (head.alg !== "EdDSA" || head.typ !== "statuslist+jwt" || !head.kid) return null;
  const key = await importKey(pack, head.kid);
  if (!key || !(await crypto.subtle.verify("Ed25519", key, bytes(base64urlToBytes(signature)), new TextEncoder().encode(`${header}.${payload}`)))) return null;
  const body = JSON.parse(new TextDecoder().decode(base64urlToBytes(payload))) as { iat?: number; status_list?: { bits?: number; lst?: string } };
  if (typeof body.iat !== "number" || body.status_list?.bits !== 2 || typeof body.status_list.lst !== "string") return null;
  return { bits: unzlibSync(base64urlToBytes(body.status_list.lst)), iat: body.iat * 1000 };
}

/** A copy in a plain ArrayBuffer, as WebCrypto's types ask. */
const bytes = (view: Uint8Array) => new Uint8Array(view);
