import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createResident } from "@ktp/testing/residents";
import { findDocuments } from "./documents.ts";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test.drop());

describe("findDocuments", () => {
  it("says plainly that a resident has none of the integrated documents", async () => {
    const { nik } = await createResident(test.db);
    const now = new Date("2026-12-03T07:00:00Z");
    expect(await findDocuments({ db: test.db, nik, now })).toEqual({
      npwp: null,
      bpjs: null,
      vaccines: [],
      vehicles: [],
      civilServant: null,
      voter: null,
      readAt: "2026-12-03T07:00:00.000Z",
    });
  });

  it("reads every document held under the NIK, doses in order", async () => {
    const { nik } = await createResident(test.db);
    const serial = nik.slice(12);
    await test.db.npwp.create({ data: { nik, nomor: `09254294${serial}000`, kpp: "KPP Pratama Samarinda Ulu", terdaftarPada: new Date("2012-03-01") } });
    await test.db.bpjsKesehatan.create({ data: { nik, noKartu: `000123${serial}789`, segmen: "PPU", kelas: 1, faskes: "Puskesmas Sempaja", aktif: true } });
    await test.db.vaksinCovid.createMany({
      data: [
        { nik, dosis: 2, vaksin: "Sinovac", tanggal: new Date("2021-08-01"), lokasi: "RSUD A. Wahab Sjahranie" },
        { nik, dosis: 1, vaksin: "Sinovac", tanggal: new Date("2021-07-04"), lokasi: "RSUD A. Wahab Sjahranie" },
      ],
    });
    await test.db.kendaraan.create({
      data: { nik, nomorPolisi: `KT ${serial} AB`, jenis: "SEPEDA_MOTOR", merek: "HONDA", tahunPembuatan: 2019, warna: "HITAM", stnkBerlakuSampai: new Date("2027-05-10") },
    });
    await test.db.dpt.create({ data: { nik, pemilu: "Pemilu 2024", tps: "012", desaKode: "64.72.05.1002" } });

    const documents = await findDocuments({ db: test.db, nik });
    expect(documents).toMatchObject({
      npwp: { number: `09254294${serial}000`, taxOffice: "KPP Pratama Samarinda Ulu", registeredOn: "2012-03-01" },
      bpjs: { segment: "PPU", class: 1, facility: "Puskesmas Sempaja", active: true },
      vehicles: [{ plate: `KT ${serial} AB`, kind: "SEPEDA_MOTOR", year: 2019, taxDue: "2027-05-10" }],
      civilServant: null,
      voter: { election: "Pemilu 2024", tps: "012", village: "Sempaja Selatan" },
    });
    expect(documents!.vaccines.map((v) => [v.dose, v.on])).toEqual([
      [1, "2021-07-04"],
      [2, "2021-08-01"],
    ]);
  });

  it("is null for an unknown NIK", async () => {
    expect(await findDocuments({ db: test.db, nik: "6472051708859999" })).toBeNull();
  });
});
