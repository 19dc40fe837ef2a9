import { createDb, type Db } from "@ktp/db";
import { createActivatedCitizen, createResident } from "@ktp/db/testing";
import { createHash, randomBytes, randomInt } from "node:crypto";
import { hashPin } from "../../../packages/core/src/server/account/pin-hash.ts";
import { cropFace, groupPhoto, SAMPLE1_FACES } from "../../../packages/core/src/server/face/sample-photos.ts";
import { deriveKey } from "../../../packages/core/src/server/secrets.ts";
// Its test fails on any CSP or Permissions-Policy violation, the camera flows included.
import { test as base, expect } from "../../../scripts/lib/security-e2e.ts";
import { createE2eOfficer } from "../../../scripts/lib/e2e-officer.ts";
import { e2eEnv } from "../../../scripts/lib/env.ts";

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
  activeCitizen: (options?: { nama?: string; tanggalLahir?: Date; pin?: string }) => Promise<ActiveCitizen>;
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
      if (photo !== null) {
        const gambar = new Uint8Array(await cropFace(groupPhoto(1), SAMPLE1_FACES[photo]));
        await db.fotoEktp.create({ data: { nik: resident.nik, gambar, mime: "image/jpeg", diambilPada: new Date() } });
      }
      made.push(resident);
      return { nik: resident.nik };
    });
    for (const { nik, noKk } of made) {
      await db.registration.deleteMany({ where: { nik } });
      await db.penduduk.delete({ where: { nik } });
      await db.keluarga.delete({ where: { noKk } });
    }
  },
  activeCitizen: async ({ db, context, baseURL }, use) => {
    const made: { nik: string; noKk: string }[] = [];
    await use(async ({ pin, ...options } = {}) => {
      const { resident, registration } = await createActivatedCitizen(db, options);
      // Hashed as the apps hash it, with the pepper from the e2e apps' APP_SECRET.
      if (pin) await db.registration.update({ where: { id: registration.id }, data: { pinHash: await hashPin(pin, deriveKey(e2eEnv.appSecret(), "pin-pepper")) } });
      made.push(resident);
      const gambar = new Uint8Array(await cropFace(groupPhoto(1), SAMPLE1_FACES[2]));
      await db.fotoEktp.create({ data: { nik: resident.nik, gambar, mime: "image/jpeg", diambilPada: new Date() } });
      // As if passkey and PIN had just been checked (sign-in.ts keeps only the token's SHA-256).
      const token = randomBytes(32).toString("base64url");
      const now = new Date();
      await db.citizenSession.create({
        data: { tokenHash: createHash("sha256").update(token).digest("hex"), registrationId: registration.id, passkeyVerifiedAt: now, pinVerifiedAt: now, expiresAt: new Date(now.getTime() + 30 * 60_000) },
      });
      await context.addCookies([{ name: "ktp_sesi", value: token, url: baseURL! }]);
      return { nik: resident.nik, registrationId: registration.id };
    });
    for (const { nik, noKk } of made) {
      await db.registration.deleteMany({ where: { nik } });
      await db.penduduk.delete({ where: { nik } });
      await db.keluarga.delete({ where: { noKk } });
    }
  },
  // A counter and an officer of its own; left in place (the e2e database is made afresh each run).
  officer: async ({ db }, use) => {
    await use(() => createE2eOfficer(db));
  },
});

export { expect };
