// Checks a passkey's answer on the phone itself, without the server (issue 13, item 6): the
// offline wallet opens only when the platform passkey signs a challenge made here, with user
// verification, under the public key the server recorded at activation. WebCrypto only, so the
// same code runs in Safari 16+, Chrome and Node (its unit tests). Browser-safe.
import type { OfflinePasskey } from "./offline-wallet.ts";

/** What `navigator.credentials.get()` answered, base64url-encoded as @simplewebauthn/browser returns it. */
export interface OfflineAssertion {
  id: string;
  type: string;
  response: { clientDataJSON: string; authenticatorData: string; signature: string };
}

export type OfflineAssertionResult = "ok" | "wrong-credential" | "wrong-type" | "wrong-challenge" | "wrong-origin" | "wrong-rp" | "no-user-presence" | "no-user-verification" | "bad-signature";

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;

export function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** A fresh random challenge (32 bytes, base64url), made on the phone for one unlock. */
export function newOfflineChallenge(): string {
  return toBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** ECDSA signatures come DER-encoded from authenticators; WebCrypto wants r‖s, 32 bytes each. */
export function derToRaw(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  if (der[0] !== 0x30) return null;
  let offset = der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) : 2;
  const out = new Uint8Array(64);
  for (const half of [0, 1]) {
    if (der[offset] !== 0x02) return null;
    const length = der[offset + 1]!;
    let value = der.subarray(offset + 2, offset + 2 + length);
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32 || offset + 2 + length > der.length) return null;
    out.set(value, half * 32 + (32 - value.length));
    offset += 2 + length;
  }
  return out;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/**
 * Checks `assertion` as a relying party would (WebAuthn §7.2, without the signature counter, which
 * only the server keeps): the credential, `webauthn.get`, the challenge made for this unlock, the
 * page's origin, the RP ID's hash, user presence and verification, and the signature.
 */
export async function verifyOfflineAssertion({
  passkey,
  challenge,
  origin,
  assertion,
}: {
  passkey: OfflinePasskey;
  challenge: string;
  origin: string;
  assertion: OfflineAssertion;
}): Promise<OfflineAssertionResult> {
  if (assertion.id !== passkey.credentialId || assertion.type !== "public-key") return "wrong-credential";
  const clientDataBytes = fromBase64url(assertion.response.clientDataJSON);
  let clientData: { type?: unknown; challenge?: unknown; origin?: unknown };
  try {
    clientData = JSON.parse(new TextDecoder().decode(clientDataBytes)) as typeof clientData;
  } catch {
    return "wrong-type";
  }
  if (clientData.type !== "webauthn.get") return "wrong-type";
  if (clientData.challenge !== challenge) return "wrong-challenge";
  if (clientData.origin !== origin) return "wrong-origin";

  const authenticatorData = fromBase64url(assertion.response.authenticatorData);
  if (authenticatorData.length < 37 || !sameBytes(authenticatorData.subarray(0, 32), await sha256(new TextEncoder().encode(passkey.rpId)))) return "wrong-rp";
  const flags = authenticatorData[32]!;
  if (!(flags & FLAG_USER_PRESENT)) return "no-user-presence";
  if (!(flags & FLAG_USER_VERIFIED)) return "no-user-verification";

  const signed = new Uint8Array(authenticatorData.length + 32);
  signed.set(authenticatorData);
  signed.set(await sha256(clientDataBytes), authenticatorData.length);
  const signature = fromBase64url(assertion.response.signature);
  try {
    if (passkey.alg === -7) {
      const raw = derToRaw(signature);
      if (!raw) return "bad-signature";
      const key = await crypto.subtle.importKey("jwk", passkey.publicKey, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
      return (await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, raw, signed)) ? "ok" : "bad-signature";
    }
    const key = await crypto.subtle.importKey("jwk", passkey.publicKey, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
    return (await crypto.subtle.verify("RSASSA-PKCS1-v1_5", key, signature, signed)) ? "ok" : "bad-signature";
  } catch {
    return "bad-signature";
  }
}
