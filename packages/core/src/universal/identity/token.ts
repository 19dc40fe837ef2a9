// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the apps compile this file without core's types/, so it names the declaration it needs
/// <reference path="../../types/base45.d.ts" />
// The identity token in the citizen's QR: a CWT (RFC 8392) in a COSE_Sign1 (RFC 9052) signed with
// Ed25519, compressed with raw DEFLATE and a preset dictionary, in base45 (RFC 9285) so the QR uses its dense alphanumeric mode. Browser-safe:
// the verifier page decodes it offline with the same code. Every claim: docs/identity-token.md.

import { decode as fromBase45, encode as toBase45 } from "@digitalbazaar/base45";
// cbor-x, or in browsers its build without the eval probe that trips a strict CSP (package.json "imports").
import { Encoder, Tag } from "#cbor";
import { deflateSync, inflateSync } from "fflate";
import { TOKEN_DICTIONARY } from "./dictionary.ts";
import { DERIVED_FIELDS, IDENTITY_FIELDS, type IdentityField, type Purpose, PURPOSE_RULES, purposeOfCode } from "./purposes.ts";

/** Starts every identity QR: the format and its version, in the QR's alphanumeric alphabet. */
export const QR_PREFIX = "KTP1:";

/** COSE's number for EdDSA; the only algorithm a token may name (no "none", no HMAC). */
export const COSE_ALG_EDDSA = -8;
const COSE_SIGN1_TAG = 18;
const HEADER_ALG = 1;
const HEADER_KID = 4;
// CWT claim keys (RFC 8392), then this profile's own (negative: private use).
const CLAIM = { iss: 1, sub: 2, exp: 4, iat: 6, cti: 7, purpose: -1, fields: -2, status: -3 } as const;

/** No token inflates to more (the largest is about 400 bytes). */
const MAX_TOKEN_BYTES = 2048;
const scratch = new Uint8Array(MAX_TOKEN_BYTES);

/** Bytes of the pseudonymous subject and of the presentation id. */
export const ID_BYTES = 8;

export type FieldValue = string | boolean;
export type DisclosedFields = Partial<Record<IdentityField, FieldValue>>;

export interface PresentationClaims {
  /** The issuer's public origin, e.g. https://ktp-digital.id. */
  iss: string;
  /** Pseudonym of the citizen for one batch of tokens: not the NIK, and not shared across batches. */
  sub: Uint8Array<ArrayBuffer>;
  /** One-time presentation id. */
  pid: Uint8Array<ArrayBuffer>;
  purpose: Purpose;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  /** The entry in the issuer's status list: list number and index. */
  status: { list: number; idx: number };
  /** What the purpose discloses offline; empty for a purpose that works online only. */
  fields: DisclosedFields;
}

export interface ParsedPresentation {
  kid: string;
  claims: PresentationClaims;
  /** The bytes the signature covers (COSE Sig_structure), and the signature. */
  signed: Uint8Array;
  signature: Uint8Array;
}

/** Why a QR is not a token at all; a token that parses can still fail verification. */
export class TokenFormatError extends Error {}

const encoder = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false, variableMapSize: true });
// cbor-x returns a view of a buffer it reuses for the next value: each result is copied out.
const cbor = { encode: (value: unknown) => new Uint8Array(encoder.encode(value)), decode: (bytes: Uint8Array): unknown => encoder.decode(bytes) };

/** The QR text of a token signed by `sign` (Ed25519 over the COSE Sig_structure) with key `kid`. */
export async function encodePresentation(claims: PresentationClaims, { kid, sign }: { kid: string; sign: (data: Uint8Array) => Uint8Array | Promise<Uint8Array> }): Promise<string> {
  const protectedHeader = cbor.encode(
    new Map<number, unknown>([
      [HEADER_ALG, COSE_ALG_EDDSA],
      [HEADER_KID, base64urlToBytes(kid)],
    ]),
  );
  const payload = cbor.encode(claimsToMap(claims));
  const signature = await sign(sigStructure(protectedHeader, payload));
  const sign1 = cbor.encode(new Tag([protectedHeader, new Map(), payload, signature], COSE_SIGN1_TAG));
  return QR_PREFIX + toBase45(deflateSync(sign1, { level: 9, dictionary: TOKEN_DICTIONARY }));
}

/** Parses a QR's text; throws TokenFormatError for anything that is not a well-formed token. */
export function parsePresentation(text: string): ParsedPresentation {
  if (typeof text !== "string" || !text.startsWith(QR_PREFIX) || text.length > 4096) throw new TokenFormatError("not a KTP Digital QR");
  let sign1: unknown;
  try {
    const compressed = fromBase45(text.slice(QR_PREFIX.length));
    // A token is a few hundred bytes; a "zip bomb" stops at the output buffer's end.
    // Into one scratch buffer: everything kept from it is copied out below, before the next parse.
    sign1 = cbor.decode(inflateSync(compressed, { out: scratch, dictionary: TOKEN_DICTIONARY }));
  } catch {
    throw new TokenFormatError("not base45 DEFLATE CBOR");
  }
  const parts: unknown = sign1 instanceof Tag && sign1.tag === COSE_SIGN1_TAG ? sign1.value : sign1;
  if (!Array.isArray(parts) || parts.length !== 4) throw new TokenFormatError("not a COSE_Sign1");
  const [protectedHeader, unprotectedHeader, payload, signature] = parts as unknown[];
  // Nothing unsigned is accepted: the unprotected header must be empty, so no two texts of one token differ.
  if (!(unprotectedHeader instanceof Map) || unprotectedHeader.size !== 0) throw new TokenFormatError("unprotected header is not empty");
  if (!isBytes(protectedHeader) || !isBytes(payload) || !isBytes(signature) || signature.byteLength !== 64) throw new TokenFormatError("COSE_Sign1 parts are not byte strings");
  const header = decodeMap(protectedHeader);
  if (header.get(HEADER_ALG) !== COSE_ALG_EDDSA) throw new TokenFormatError("algorithm is not EdDSA");
  const kid = header.get(HEADER_KID);
  if (!isBytes(kid) || kid.byteLength === 0 || kid.byteLength > 32) throw new TokenFormatError("no key id");
  return { kid: bytesToBase64url(kid), claims: mapToClaims(decodeMap(payload)), signed: sigStructure(protectedHeader, payload), signature: signature.slice() };
}

// CBOR of ["Signature1", protected, h'', payload] (RFC 9052 §4.4), written out rather than encoded:
// it is built for every token verified, and verification speed is measured (bench:verify).
const SIG1_PREFIX = new Uint8Array([0x84, 0x6a, ...new TextEncoder().encode("Signature1")]);

function sigStructure(protectedHeader: Uint8Array, payload: Uint8Array): Uint8Array {
  const head = (length: number) => (length < 24 ? [0x40 | length] : length < 256 ? [0x58, length] : [0x59, length >> 8, length & 0xff]);
  const protectedHead = head(protectedHeader.byteLength),
    payloadHead = head(payload.byteLength);
  const out = new Uint8Array(SIG1_PREFIX.byteLength + protectedHead.length + protectedHeader.byteLength + 1 + payloadHead.length + payload.byteLength);
  let at = 0;
  for (const part of [SIG1_PREFIX, protectedHead, protectedHeader, [0x40], payloadHead, payload]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function claimsToMap(c: PresentationClaims): Map<number, unknown> {
  const fields = new Map<number, FieldValue>();
  for (const [name, value] of Object.entries(c.fields)) {
    if (value !== undefined) fields.set(IDENTITY_FIELDS.indexOf(name as IdentityField) + 1, value);
  }
  return new Map<number, unknown>([
    [CLAIM.iss, c.iss],
    [CLAIM.sub, c.sub],
    [CLAIM.exp, c.exp],
    [CLAIM.iat, c.iat],
    [CLAIM.cti, c.pid],
    [CLAIM.purpose, PURPOSE_RULES[c.purpose].code],
    [CLAIM.fields, fields],
    [CLAIM.status, [c.status.list, c.status.idx]],
  ]);
}

function mapToClaims(map: Map<unknown, unknown>): PresentationClaims {
  const iss = map.get(CLAIM.iss),
    sub = map.get(CLAIM.sub),
    exp = map.get(CLAIM.exp),
    iat = map.get(CLAIM.iat);
  const pid = map.get(CLAIM.cti),
    purposeCode = map.get(CLAIM.purpose),
    fieldMap = map.get(CLAIM.fields),
    status = map.get(CLAIM.status);
  const purpose = typeof purposeCode === "number" ? purposeOfCode(purposeCode) : undefined;
  if (typeof iss !== "string" || !isBytes(sub) || sub.byteLength !== ID_BYTES || !isBytes(pid) || pid.byteLength !== ID_BYTES) throw new TokenFormatError("iss, sub or cti missing");
  if (!isSeconds(exp) || !isSeconds(iat) || !purpose) throw new TokenFormatError("exp, iat or purpose missing");
  if (!Array.isArray(status) || status.length !== 2 || !status.every((n) => Number.isSafeInteger(n) && n >= 0)) throw new TokenFormatError("status missing");
  if (!(fieldMap instanceof Map)) throw new TokenFormatError("fields missing");
  const fields: DisclosedFields = {};
  const allowed = new Set(PURPOSE_RULES[purpose].fields);
  for (const [key, value] of fieldMap) {
    const name = typeof key === "number" ? IDENTITY_FIELDS[key - 1] : undefined;
    // A field the purpose does not disclose is never accepted, even with a valid signature.
    if (!name || !allowed.has(name) || (typeof value !== "string" && typeof value !== "boolean") || (typeof value === "string" && value.length > 200)) {
      throw new TokenFormatError("a field the purpose does not disclose");
    }
    fields[name] = value;
  }
  for (const [name, { from, derive }] of Object.entries(DERIVED_FIELDS) as [keyof typeof DERIVED_FIELDS, (typeof DERIVED_FIELDS)[keyof typeof DERIVED_FIELDS]][]) {
    const source = fields[from];
    if (allowed.has(name) && typeof source === "string" && fields[name] === undefined) fields[name] = derive(source, new Date(iat * 1000));
  }
  return { iss, sub: sub.slice(), pid: pid.slice(), purpose, iat, exp, status: { list: status[0] as number, idx: status[1] as number }, fields };
}

function decodeMap(bytes: Uint8Array): Map<unknown, unknown> {
  let value: unknown;
  try {
    value = cbor.decode(bytes);
  } catch {
    throw new TokenFormatError("not CBOR");
  }
  if (!(value instanceof Map)) throw new TokenFormatError("not a CBOR map");
  return value;
}

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;
const isSeconds = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function base64urlToBytes(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
