import { randomInt } from "node:crypto";
import { hashPin } from "@ktp/core/server/account/pin-hash";
import { deriveKey } from "@ktp/core/server/secrets";
import { createDb, type Db } from "@ktp/db";
import { createE2eOfficer } from "@ktp/testing/officer";
import { addEktpPhoto, createActivatedCitizen, createCitizenSession, createResident, deleteResident } from "@ktp/testing/residents";
import { createSoftPasskey, type SoftPasskey } from "@ktp/testing/soft-passkey";
// Its test fails on any CSP or Permissions-Policy violation, the camera flows included.
import { test as base, expect } from "@ktp/testing/security-e2e";
import type { Page } from "@playwright/test";
import { e2eEnv } from "@ktp/testing/e2e-env";

// Tests create the residents they need (with an e-KTP photo from the npm-shipped group photo)
// and remove them afterwards, so runs and parallel workers never share state.

interface ResidentOptions {
  /** Which face of the group photo is the e-KTP photo; null for none. The fake camera shows face 2. */
  photo?: 0 | 1 | 2 | null;
  nama?: string;
}

interface Officer {
  nip: string;
  password: string;
  counter: string;
}

/**
 * Contact details no other test uses: registrations are limited per e-mail and per phone (5 a day),
 * so tests that shared one would refuse each other.
 */
export function uniqueContact(name = "uji") {
  const digits = String(randomInt(0, 100_000_000)).padStart(8, "0");
  return { email: `${name}.${digits}@contoh.id`, phone: `0812${digits}`, phoneTyped: `0812 ${digits.slice(0, 4)} ${digits.slice(4)}` };
}

interface ActiveCitizen {
  nik: string;
  registrationId: string;
}

type Fixtures = {
  db: Db;
  resident: (options?: ResidentOptions) => Promise<{ nik: string }>;
  officer: () => Promise<Officer>;
  /** A citizen whose KTP Digital is active, signed in in this page's browser context (made in the database). */
  activeCitizen: (options?: { nama?: string; tanggalLahir?: Date; pin?: string; phone?: boolean; signedIn?: boolean }) => Promise<ActiveCitizen>;
};

export const test = base.extend<Fixtures>({
  db: async ({}, use) => {
    const db = createDb({ url: e2eEnv.databaseUrl(), maxConnections: 2 });
    await use(db);
    await db.$disconnect();
  },
  resident: async ({ db }, use) => {
    const made: { nik: string; noKk: string }[] = [];
    await use(async ({ photo = 2, nama } = {}) => {
      const resident = await createResident(db, { nama });
      if (photo !== null) await addEktpPhoto(db, resident.nik, photo);
      made.push(resident);
      return { nik: resident.nik };
    });
    for (const resident of made) await deleteResident(db, resident);
  },
  activeCitizen: async ({ db, context, page, baseURL }, use) => {
    const made: { nik: string; noKk: string }[] = [];
    await use(async ({ pin, phone, signedIn = true, ...options } = {}) => {
      // With `phone`, this page's browser is the bound phone: its passkey sits in Chromium's virtual
      // authenticator and its device key in IndexedDB, as activation leaves them.
      const passkey = phone ? createSoftPasskey() : undefined;
      const { resident, registration } = await createActivatedCitizen(db, options, { passkey });
      if (passkey) await bindThisBrowser({ db, page, registrationId: registration.id, passkey, rpId: new URL(baseURL!).hostname });
      // Hashed as the apps hash it, with the pepper from the e2e apps' APP_SECRET.
      if (pin) await db.registration.update({ where: { id: registration.id }, data: { pinHash: await hashPin(pin, deriveKey(e2eEnv.appSecret(), "pin-pepper")) } });
      made.push(resident);
      await addEktpPhoto(db, resident.nik);
      if (signedIn) await context.addCookies([{ ...(await createCitizenSession(db, registration.id)), url: baseURL! }]);
      return { nik: resident.nik, registrationId: registration.id };
    });
    for (const resident of made) await deleteResident(db, resident);
  },
  // A counter and an officer of its own; left in place (the e2e database is made afresh each run).
  officer: async ({ db }, use) => {
    await use(() => createE2eOfficer(db));
  },
});

export { expect };

/** Puts the passkey in this page's virtual authenticator and a fresh device key in its IndexedDB (as src/device-key.ts keeps it). */
async function bindThisBrowser({ db, page, registrationId, passkey, rpId }: { db: Db; page: Page; registrationId: string; passkey: SoftPasskey; rpId: string }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    // Discoverable, as activation makes it: sign-in asks for any passkey of this site.
    credential: {
      credentialId: Buffer.from(passkey.credentialId, "base64url").toString("base64"),
      isResidentCredential: true,
      rpId,
      privateKey: passkey.privateKeyPkcs8,
      userHandle: Buffer.from(registrationId).toString("base64"),
      signCount: 0,
    },
  });
  await page.goto("/");
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
