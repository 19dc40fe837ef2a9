import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { offlinePasskey } from "./get-wallet-snapshot.ts";

/** COSE_Key {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}, as an authenticator sends it at activation. */
function coseEs256(x: Buffer, y: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]), x, Buffer.from([0x22, 0x58, 0x20]), y]));
}

describe("offlinePasskey", () => {
  it("turns the passkey's COSE key into the JWK the phone checks the offline unlock with", async () => {
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = publicKey.export({ format: "jwk" });
    const passkey = offlinePasskey("Y3JlZA", coseEs256(Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")), "localhost");
    expect(passkey).toEqual({ credentialId: "Y3JlZA", rpId: "localhost", alg: -7, publicKey: { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y } });
    // WebCrypto imports it.
    await expect(crypto.subtle.importKey("jwk", passkey!.publicKey, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"])).resolves.toBeDefined();
  });

  it("gives none for bytes that are not a COSE key the browser can check", () => {
    expect(offlinePasskey("x", new Uint8Array(32), "localhost")).toBeNull();
    expect(offlinePasskey("x", new Uint8Array([0xff, 0x00]), "localhost")).toBeNull();
    // An Ed25519 (OKP, alg -8) key: WebCrypto on iOS 16 cannot check it.
    expect(offlinePasskey("x", new Uint8Array([0xa4, 0x01, 0x01, 0x03, 0x27, 0x20, 0x06, 0x21, 0x58, 0x20, ...new Uint8Array(32)]), "localhost")).toBeNull();
  });
});
