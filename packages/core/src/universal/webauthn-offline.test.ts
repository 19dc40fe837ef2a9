import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { OfflinePasskey } from "./offline-wallet.ts";
import { derToRaw, newOfflineChallenge, type OfflineAssertion, toBase64url, verifyOfflineAssertion } from "./webauthn-offline.ts";

const ORIGIN = "http://localhost:3000";
const RP_ID = "localhost";

/** An authenticator in a few lines: signs authenticatorData ‖ SHA-256(clientDataJSON) as a platform passkey does. */
function authenticator(kind: "ec" | "rsa") {
  const { privateKey, publicKey } = kind === "ec" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : generateKeyPairSync("rsa", { modulusLength: 2048 });
  const passkey: OfflinePasskey = { credentialId: toBase64url(new Uint8Array([1, 2, 3, 4])), rpId: RP_ID, alg: kind === "ec" ? -7 : -257, publicKey: publicKey.export({ format: "jwk" }) };
  function answer({
    challenge,
    origin = ORIGIN,
    rpId = RP_ID,
    flags = 0x05,
    type = "webauthn.get",
    id = passkey.credentialId,
  }: {
    challenge: string;
    origin?: string;
    rpId?: string;
    flags?: number;
    type?: string;
    id?: string;
  }): OfflineAssertion {
    const clientDataJSON = Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
    const authenticatorData = Buffer.concat([createHash("sha256").update(rpId).digest(), Buffer.from([flags]), Buffer.from([0, 0, 0, 7])]);
    const signed = Buffer.concat([authenticatorData, createHash("sha256").update(clientDataJSON).digest()]);
    const signature = sign("sha256", signed, kind === "ec" ? { key: privateKey, dsaEncoding: "der" } : privateKey);
    return { id, type: "public-key", response: { clientDataJSON: toBase64url(clientDataJSON), authenticatorData: toBase64url(authenticatorData), signature: toBase64url(signature) } };
  }
  return { passkey, answer };
}

describe("verifyOfflineAssertion", () => {
  for (const kind of ["ec", "rsa"] as const) {
    it(`accepts a ${kind === "ec" ? "ES256" : "RS256"} answer to this unlock's challenge, with user verification`, async () => {
      const { passkey, answer } = authenticator(kind);
      const challenge = newOfflineChallenge();
      expect(await verifyOfflineAssertion({ passkey, challenge, origin: ORIGIN, assertion: answer({ challenge }) })).toBe("ok");
    });
  }

  it("refuses everything a replayed, phished or tampered answer would change", async () => {
    const { passkey, answer } = authenticator("ec");
    const challenge = newOfflineChallenge();
    const check = (assertion: OfflineAssertion) => verifyOfflineAssertion({ passkey, challenge, origin: ORIGIN, assertion });
    expect(await check(answer({ challenge: newOfflineChallenge() }))).toBe("wrong-challenge");
    expect(await check(answer({ challenge, origin: "http://evil.example" }))).toBe("wrong-origin");
    expect(await check(answer({ challenge, rpId: "evil.example" }))).toBe("wrong-rp");
    expect(await check(answer({ challenge, flags: 0x01 }))).toBe("no-user-verification");
    expect(await check(answer({ challenge, flags: 0x04 }))).toBe("no-user-presence");
    expect(await check(answer({ challenge, type: "webauthn.create" }))).toBe("wrong-type");
    expect(await check(answer({ challenge, id: "b3RoZXI" }))).toBe("wrong-credential");
    // The same answer under another key (a different passkey) fails on the signature.
    const other = authenticator("ec");
    expect(await verifyOfflineAssertion({ passkey: { ...other.passkey, credentialId: passkey.credentialId }, challenge, origin: ORIGIN, assertion: answer({ challenge }) })).toBe("bad-signature");
    // One flipped bit in the signed data.
    const good = answer({ challenge });
    const data = Buffer.from(good.response.authenticatorData, "base64url");
    data[36] = data[36]! ^ 1;
    expect(await check({ ...good, response: { ...good.response, authenticatorData: toBase64url(data) } })).toBe("bad-signature");
  });

  it("turns DER signatures into r‖s, with or without leading zeros", () => {
    const r = new Uint8Array(32).fill(0x81);
    const s = new Uint8Array(31).fill(0x11);
    const der = new Uint8Array([0x30, 4 + 33 + 31, 0x02, 33, 0x00, ...r, 0x02, 31, ...s]);
    const raw = derToRaw(der)!;
    expect(raw.subarray(0, 32)).toEqual(r);
    expect(raw.subarray(32)).toEqual(new Uint8Array([0, ...s]));
    expect(derToRaw(new Uint8Array([0x31, 0]))).toBeNull();
  });
});
