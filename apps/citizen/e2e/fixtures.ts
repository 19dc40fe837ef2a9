import { createDb, type Db } from "@ktp/db";
import { createResident } from "@ktp/db/testing";
import argon2 from "argon2";
import { randomInt } from "node:crypto";
import { cropFace, groupPhoto, SAMPLE1_FACES } from "../../../packages/core/src/server/face/sample-photos.ts";
// Its test fails on any CSP or Permissions-Policy violation, the camera flows included.
import { test as base, expect } from "../../../scripts/lib/security-e2e.ts";

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

type Fixtures = { db: Db; resident: (options?: ResidentOptions) => Promise<{ nik: string }>; officer: () => Promise<Officer> };

export const test = base.extend<Fixtures>({
  db: async ({}, use) => {
    const db = createDb({ url: process.env.DATABASE_URL!, maxConnections: 2 });
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
  // A counter and an officer of its own; left in place (the e2e database is made afresh each run).
  officer: async ({ db }, use) => {
    await use(async () => {
      const nip = `1988${String(randomInt(1e9, 1e10))}${String(randomInt(1e3, 1e4))}`.slice(0, 18);
      const counter = `E2E-${randomInt(1e5, 1e6)}`;
      const password = "sandi-loket-uji";
      await db.counter.create({ data: { code: counter, name: `Loket Uji ${counter}`, kabupatenKode: "64.72" } });
      await db.officer.create({ data: { nip, nama: "RATNA PETUGAS UJI", passwordHash: await argon2.hash(password, { type: argon2.argon2id }), kabupatenKode: "64.72" } });
      return { nip, password, counter };
    });
  },
});

export { expect };
