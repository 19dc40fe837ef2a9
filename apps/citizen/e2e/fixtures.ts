import { test as base, expect } from "@playwright/test";
import { createDb, type Db } from "@ktp/db";
import { createResident } from "@ktp/db/testing";
import { cropFace, groupPhoto, SAMPLE1_FACES } from "../../../packages/core/src/server/face/sample-photos.ts";

// Tests create the residents they need (with an e-KTP photo from the npm-shipped group photo)
// and remove them afterwards, so runs and parallel workers never share state.

interface ResidentOptions {
  /** Which face of the group photo is the e-KTP photo; null for none. The fake camera shows face 2. */
  photo?: 0 | 1 | 2 | null;
  nama?: string;
}

type Fixtures = { db: Db; resident: (options?: ResidentOptions) => Promise<{ nik: string }> };

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
});

export { expect };
