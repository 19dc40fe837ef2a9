import "server-only";
import { createHash, webcrypto } from "node:crypto";

// The device key: an ECDSA P-256 key the citizen's browser made non-extractable at binding time.
// A signature by it proves a request comes from the bound phone, not from a synced passkey alone.

export interface DeviceKeyJwk {
  kty: "EC";
  crv: "P-256";
  x: string;
  y: string;
}

/** Whether `signature` (base64url, IEEE P1363) over `message` verifies; a malformed key does not. */
export function verifyDeviceSignature(key: DeviceKeyJwk, signature: string, message: string): Promise<boolean> {
  return webcrypto.subtle
    .importKey("jwk", key, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"])
    .then((publicKey) => webcrypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publicKey, Buffer.from(signature, "base64url"), new TextEncoder().encode(message)))
    .then(
      (valid) => valid,
      () => false,
    );
}

/** RFC 7638 thumbprint: names the key in activation records without repeating it. */
export function deviceKeyThumbprint({ crv, kty, x, y }: DeviceKeyJwk): string {
  return createHash("sha256").update(JSON.stringify({ crv, kty, x, y })).digest("base64url");
}
