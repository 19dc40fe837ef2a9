// A real platform passkey for a citizen made straight in the database (issue 13): the key of a
// software passkey (@ktp/testing/soft-passkey) in Chromium's virtual authenticator (user
// verification on) and its public half, COSE-encoded as at activation, on the citizen's device
// row; and, for flows that also sign with the phone's device key, that key in the page's IndexedDB.
import type { Page } from "@playwright/test";
import type { Db } from "@ktp/db";
import { createSoftPasskey, type SoftPasskey } from "./soft-passkey.ts";

export async function bindVirtualPasskey(page: Page, db: Db, registrationId: string, { rpId = "localhost", passkey = createSoftPasskey() }: { rpId?: string; passkey?: SoftPasskey } = {}) {
  await db.device.update({ where: { registrationId }, data: { credentialId: passkey.credentialId, publicKey: passkey.publicKey } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  // Discoverable, as activation makes it: sign-in asks for any passkey of this site.
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    credential: {
      credentialId: Buffer.from(passkey.credentialId, "base64url").toString("base64"),
      isResidentCredential: true,
      rpId,
      privateKey: passkey.privateKeyPkcs8,
      userHandle: Buffer.from(registrationId).toString("base64"),
      signCount: 0,
    },
  });
  return { cdp, authenticatorId, credentialId: passkey.credentialId };
}

/**
 * A fresh non-extractable device key in this page's IndexedDB, where the citizen app keeps it
 * (apps/citizen/src/device-key.ts), and its public JWK on the device row. The page must be on the
 * citizen app's origin.
 */
export async function bindDeviceKey(page: Page, db: Db, registrationId: string) {
  const deviceKey = await page.evaluate(async () => {
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const open = indexedDB.open("ktp-digital", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("keys");
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction("keys", "readwrite");
      tx.objectStore("keys").put(pair, "device");
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    idb.close();
    const { kty, crv, x, y } = await crypto.subtle.exportKey("jwk", pair.publicKey);
    return { kty, crv, x, y };
  });
  await db.device.update({ where: { registrationId }, data: { deviceKey } });
}
