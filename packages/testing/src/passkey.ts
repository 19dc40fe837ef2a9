// A real platform passkey for a citizen made straight in the database (issue 13): a P-256 key in
// Chromium's virtual authenticator (user verification on) and its public half, COSE-encoded as at
// activation, on the citizen's device row. For the offline wallet's e2e test and its benchmark.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Db } from "@ktp/db";

export async function bindVirtualPasskey(page: Page, db: Db, registrationId: string, { rpId = "localhost" } = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const { x, y } = publicKey.export({ format: "jwk" });
  // COSE_Key {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}, in CBOR.
  const cose = Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]), Buffer.from(x!, "base64url"), Buffer.from([0x22, 0x58, 0x20]), Buffer.from(y!, "base64url")]);
  const credentialId = randomBytes(16);
  await db.device.update({ where: { registrationId }, data: { credentialId: credentialId.toString("base64url"), publicKey: new Uint8Array(cose) } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    credential: {
      credentialId: credentialId.toString("base64"),
      isResidentCredential: true,
      rpId,
      privateKey: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
      userHandle: Buffer.from(registrationId).toString("base64"),
      signCount: 0,
    },
  });
  return { cdp, authenticatorId, credentialId: credentialId.toString("base64url") };
}
