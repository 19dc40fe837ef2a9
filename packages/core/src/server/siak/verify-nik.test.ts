import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createResident } from "@ktp/testing/residents";
import { verifyNik } from "./verify-nik.ts";

const TODAY = { year: 2026, month: 11, day: 22 };
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("verifyNik", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.drop());

  it("says an adult, living resident with a recorded e-KTP may activate, and masks the name", async () => {
    const resident = await createResident(test.db, { nama: "BUDI SANTOSO" });
    expect(await verifyNik({ db: test.db, nik: resident.nik, today: TODAY })).toEqual({
      nik: resident.nik,
      found: true,
      alive: true,
      age17OrOlder: true,
      wajibKtp: true,
      ektpRecorded: true,
      eligible: true,
      maskedName: "BU** SA*****",
    });
  });

  it("refuses a deceased resident", async () => {
    const resident = await createResident(test.db, { tanggalMeninggal: utc(2024, 4, 12) });
    expect(await verifyNik({ db: test.db, nik: resident.nik, today: TODAY })).toMatchObject({ alive: false, eligible: false });
  });

  it("refuses a resident who turns 17 tomorrow, and accepts one who turned 17 today", async () => {
    const younger = await createResident(test.db, { tanggalLahir: utc(2009, 11, 23) });
    const older = await createResident(test.db, { tanggalLahir: utc(2009, 11, 22) });
    expect(await verifyNik({ db: test.db, nik: younger.nik, today: TODAY })).toMatchObject({ age17OrOlder: false, eligible: false });
    expect(await verifyNik({ db: test.db, nik: older.nik, today: TODAY })).toMatchObject({ age17OrOlder: true, eligible: true });
  });

  it("accepts a resident under 17 who is or has been married (wajib KTP), and no unmarried one", async () => {
    const young = { tanggalLahir: utc(2010, 3, 1), ektpDirekamPada: utc(2026, 1, 5) };
    for (const statusPerkawinan of ["KAWIN", "CERAI_HIDUP", "CERAI_MATI"] as const) {
      const married = await createResident(test.db, { ...young, statusPerkawinan });
      expect(await verifyNik({ db: test.db, nik: married.nik, today: TODAY })).toMatchObject({ age17OrOlder: false, wajibKtp: true, eligible: true });
    }
    const single = await createResident(test.db, young);
    expect(await verifyNik({ db: test.db, nik: single.nik, today: TODAY })).toMatchObject({ age17OrOlder: false, wajibKtp: false, eligible: false });
  });

  it("refuses a resident who never recorded an e-KTP", async () => {
    const resident = await createResident(test.db, { ektpDirekamPada: null });
    expect(await verifyNik({ db: test.db, nik: resident.nik, today: TODAY })).toMatchObject({ ektpRecorded: false, eligible: false });
  });

  it("says when SIAK has no such NIK", async () => {
    expect(await verifyNik({ db: test.db, nik: "6472051708459999", today: TODAY })).toEqual({ nik: "6472051708459999", found: false });
  });
});
