import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

// A phone's passkey and device key in software, for tests that need a real WebAuthn assertion
// without a browser: what Chromium's virtual authenticator does in the e2e, here in Node. The
// answers verify with @simplewebauthn/server exactly as a phone's do (ES256, user verified).

export interface SoftPasskey {
  /** base64url credential id. */
  credentialId: string;
  /** The COSE public key, as stored in `device.public_key`. */
  publicKey: Uint8Array<ArrayBuffer>;
  /** The passkey's private key (PKCS #8, base64), for Chromium's virtual authenticator (`WebAuthn.addCredential`). */
  privateKeyPkcs8: string;
  /** The device key's public JWK, as stored in `device.device_key`. */
  deviceKey: { kty: "EC"; crv: "P-256"; x: string; y: string };
  /** An answer to `challenge`, shaped like the browser's: `{ credential, deviceKeySignature }`. */
  answer(challenge: string, rp: { id: string; origin: string }): { credential: AuthenticationAnswer; deviceKeySignature: string };
}

// A type, not an interface, so it fits the request schemas' open objects (an index signature).
export type AuthenticationAnswer = {
  id: string;
  rawId: string;
  type: "public-key";
  response: { clientDataJSON: string; authenticatorData: string; signature: string };
  clientExtensionResults: Record<string, never>;
};

export function createSoftPasskey(): SoftPasskey {
  const passkey = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const device = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const credentialId = randomBytes(16).toString("base64url");
  const jwk = passkey.publicKey.export({ format: "jwk" });
  const deviceJwk = device.publicKey.export({ format: "jwk" });
  let counter = 0;
  return {
    credentialId,
    publicKey: coseEc2(Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")),
    privateKeyPkcs8: passkey.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
    deviceKey: { kty: "EC", crv: "P-256", x: deviceJwk.x!, y: deviceJwk.y! },
    answer(challenge, rp) {
      const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge, origin: rp.origin, crossOrigin: false }));
      const count = Buffer.alloc(4);
      count.writeUInt32BE(++counter);
      // rpIdHash | flags (user present 0x01, user verified 0x04) | sign count
      const authenticatorData = Buffer.concat([createHash("sha256").update(rp.id).digest(), Buffer.from([0x05]), count]);
      const signature = sign("sha256", Buffer.concat([authenticatorData, createHash("sha256").update(clientDataJSON).digest()]), passkey.privateKey);
      const deviceKeySignature = sign("sha256", Buffer.from(challenge), { key: device.privateKey, dsaEncoding: "ieee-p1363" }).toString("base64url");
      return {
        credential: {
          id: credentialId,
          rawId: credentialId,
          type: "public-key",
          response: { clientDataJSON: clientDataJSON.toString("base64url"), authenticatorData: authenticatorData.toString("base64url"), signature: signature.toString("base64url") },
          clientExtensionResults: {},
        },
        deviceKeySignature,
      };
    },
  };
}

/** The COSE_Key of an ES256 public key: CBOR map {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}. */
function coseEc2(x: Buffer, y: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]), x, Buffer.from([0x22, 0x58, 0x20]), y]));
}
