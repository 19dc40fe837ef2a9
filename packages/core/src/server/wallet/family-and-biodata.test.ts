import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { addFamilyMember, createResident } from "@ktp/testing/residents";
import { longDate, maskNik } from "../../universal/family-card.ts";
import { findBiodata } from "./biodata.ts";
import { findFamilyCard } from "./family-card.ts";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test.drop());

describe("findFamilyCard", () => {
  it("lists the household in the KK's order, the citizen's NIK in full and everyone else's masked", async () => {
    const head = await createResident(test.db, { nama: "BUDI SANTOSO", tanggalLahir: new Date(Date.UTC(1980, 4, 2)), statusPerkawinan: "KAWIN" });
    const younger = await addFamilyMember(test.db, head.noKk, { nama: "ADI SANTOSO", hubunganKeluarga: "ANAK", jenisKelamin: "LAKI_LAKI", tanggalLahir: new Date(Date.UTC(2015, 6, 9)) });
    const older = await addFamilyMember(test.db, head.noKk, { nama: "SARI SANTOSO", hubunganKeluarga: "ANAK", tanggalLahir: new Date(Date.UTC(2008, 1, 20)) });
    const wife = await addFamilyMember(test.db, head.noKk, { nama: "DEWI LESTARI", hubunganKeluarga: "ISTRI", tanggalLahir: new Date(Date.UTC(1983, 7, 17)) });
    const grandmother = await addFamilyMember(test.db, head.noKk, {
      nama: "SITI AMINAH",
      hubunganKeluarga: "ORANG_TUA",
      tanggalLahir: new Date(Date.UTC(1950, 0, 1)),
      tanggalMeninggal: new Date(Date.UTC(2024, 2, 3)),
    });

    const card = await findFamilyCard({ db: test.db, nik: older.nik });
    expect(card).toMatchObject({ noKk: head.noKk, rtRw: "001/001", village: "Sempaja Selatan", district: "Samarinda Utara", regency: "Kota Samarinda", postalCode: "75119", issuedOn: "2020-01-02" });
    expect(card!.members.map((m) => [m.nama, m.relationship, m.nik, m.self, m.deceased])).toEqual([
      ["BUDI SANTOSO", "KEPALA_KELUARGA", maskNik(head.nik), false, false],
      ["DEWI LESTARI", "ISTRI", maskNik(wife.nik), false, false],
      ["SARI SANTOSO", "ANAK", older.nik, true, false],
      ["ADI SANTOSO", "ANAK", maskNik(younger.nik), false, false],
      ["SITI AMINAH", "ORANG_TUA", maskNik(grandmother.nik), false, true],
    ]);
    expect(card!.members[3]).toMatchObject({ sex: "LAKI_LAKI", bornOn: "2015-07-09" });
  });

  it("is null for an unknown NIK", async () => {
    expect(await findFamilyCard({ db: test.db, nik: "6472051708859999" })).toBeNull();
  });
});

describe("maskNik and longDate", () => {
  it("keep the district and serial, hide the birth date; write dates as people do", () => {
    expect(maskNik("6472051708850001")).toBe("647205••••••0001");
    expect(longDate("1985-08-17", "id")).toBe("17 Agustus 1985");
    expect(longDate("1985-08-17", "en")).toBe("17 August 1985");
  });
});

describe("findBiodata", () => {
  it("gives everything SIAK holds, the parents and the e-KTP recording included", async () => {
    const { nik, noKk } = await createResident(test.db, { nama: "WATI BIODATA", tanggalLahir: new Date(Date.UTC(1991, 3, 30)) });
    await test.db.penduduk.update({ where: { nik }, data: { namaAyah: "SLAMET", namaIbu: "SRI WAHYUNI" } });
    expect(await findBiodata({ db: test.db, nik })).toEqual({
      nik,
      noKk,
      nama: "WATI BIODATA",
      tempatLahir: "SAMARINDA",
      tanggalLahir: "1991-04-30",
      jenisKelamin: "LAKI-LAKI",
      golonganDarah: "O",
      agama: "ISLAM",
      statusPerkawinan: "BELUM KAWIN",
      hubunganKeluarga: "KEPALA KELUARGA",
      pekerjaan: "KARYAWAN SWASTA",
      kewarganegaraan: "WNI",
      namaAyah: "SLAMET",
      namaIbu: "SRI WAHYUNI",
      alamat: "JL. PM NOOR NO. 1, RT/RW 001/001, SEMPAJA SELATAN, SAMARINDA UTARA, KOTA SAMARINDA, KALIMANTAN TIMUR",
      ektpDirekamPada: "2012-05-01",
    });
    expect(await findBiodata({ db: test.db, nik: "6472051708859999" })).toBeNull();
  });
});
