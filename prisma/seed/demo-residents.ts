import { formatIsoDate } from "@ktp/core/universal/calendar";
import { type Household, type Person, PopulationGenerator } from "./population.ts";
import type { Village } from "./wilayah.ts";

// Named residents with fixed NIKs, for demos, manual testing and end-to-end tests. The README
// lists them; keep the two in step. Each exercises one answer of the SIAK check.

export interface DemoResident {
  nik: string;
  nama: string;
  expect: string;
}

/**
 * Stand-in e-KTP photos for demo residents: faces from a group photo shipped in npm
 * (SAMPLE1_FACES index), so the selfie step can be tried end to end. Other residents have none.
 */
export const DEMO_PHOTOS: Record<string, 0 | 1 | 2> = {
  "6472051708850001": 0, // BUDI SANTOSO
  "6472056103880001": 1, // SITI AMINAH
  "1371014211900001": 2, // DEWI LESTARI
};

/** What writeDemoResidents creates; seed.test.ts checks the two agree. */
export const DEMO_RESIDENTS: readonly DemoResident[] = [
  { nik: "6472051708850001", nama: "BUDI SANTOSO", expect: "eligible; NPWP, BPJS, vaccines, a car and a motorcycle, voter" },
  { nik: "6472056103880001", nama: "SITI AMINAH", expect: "eligible; Budi's wife, same KK" },
  { nik: "1371014211900001", nama: "DEWI LESTARI", expect: "eligible; civil servant (BKN record) in Padang" },
  { nik: "6472051003120001", nama: "RIZKY PRATAMA SANTOSO", expect: "refused: under 17" },
  { nik: "3273011506010001", nama: "AGUS SALIM", expect: "refused: no e-KTP recorded" },
  { nik: "6472050501400001", nama: "SUPARMAN", expect: "refused: deceased" },
];

type VillageIndex = Map<string, Map<string, Village[]>>;

export function writeDemoResidents(generator: PopulationGenerator, villages: VillageIndex): DemoResident[] {
  const samarinda = findVillage(villages, "64.72.05.1002"); // Sempaja Selatan, Samarinda Utara
  const padang = findVillage(villages, "13.71.01.1001"); // Belakang Pondok, Padang Selatan
  const bandung = findVillage(villages, "32.73.01.1002"); // Gegerkalong, Sukasari, Kota Bandung

  const budi = generator.person(samarinda, "ISLAM", "KEPALA_KELUARGA", "LAKI_LAKI", { year: 1985, month: 8, day: 17 }, "KAWIN", {
    nama: "BUDI SANTOSO",
    tempatLahir: "SAMARINDA",
    pekerjaan: "WIRASWASTA",
    meninggal: null,
    ektp: { year: 2012, month: 5, day: 14 },
  });
  const siti = generator.person(samarinda, "ISLAM", "ISTRI", "PEREMPUAN", { year: 1988, month: 3, day: 21 }, "KAWIN", {
    nama: "SITI AMINAH",
    tempatLahir: "BALIKPAPAN",
    pekerjaan: "MENGURUS RUMAH TANGGA",
    meninggal: null,
    ektp: { year: 2013, month: 1, day: 9 },
  });
  const rizky = generator.person(samarinda, "ISLAM", "ANAK", "LAKI_LAKI", { year: 2012, month: 3, day: 10 }, "BELUM_KAWIN", {
    nama: "RIZKY PRATAMA SANTOSO",
    tempatLahir: "SAMARINDA",
    meninggal: null,
    ektp: null,
    namaAyah: "BUDI SANTOSO",
    namaIbu: "SITI AMINAH",
  });
  const suparman = generator.person(samarinda, "ISLAM", "KEPALA_KELUARGA", "LAKI_LAKI", { year: 1940, month: 1, day: 5 }, "CERAI_MATI", {
    nama: "SUPARMAN",
    tempatLahir: "KUTAI",
    pekerjaan: "PENSIUNAN",
    meninggal: { year: 2024, month: 4, day: 12 },
    ektp: { year: 2012, month: 2, day: 3 },
  });
  const dewi = generator.person(padang, "ISLAM", "KEPALA_KELUARGA", "PEREMPUAN", { year: 1990, month: 11, day: 2 }, "BELUM_KAWIN", {
    nama: "DEWI LESTARI",
    tempatLahir: "PADANG",
    pekerjaan: "PEGAWAI NEGERI SIPIL",
    meninggal: null,
    ektp: { year: 2012, month: 9, day: 20 },
  });
  const agus = generator.person(bandung, "ISLAM", "KEPALA_KELUARGA", "LAKI_LAKI", { year: 2001, month: 6, day: 15 }, "BELUM_KAWIN", {
    nama: "AGUS SALIM",
    tempatLahir: "BANDUNG",
    pekerjaan: "KARYAWAN SWASTA",
    meninggal: null,
    ektp: null,
  });

  const households: Household[] = [
    generator.finishHousehold(samarinda, [budi, siti, rizky], {
      alamat: "JL. PM NOOR NO. 17",
      rt: "012",
      rw: "004",
      diterbitkan: { year: 2023, month: 2, day: 6 },
    }),
    generator.finishHousehold(samarinda, [suparman], { alamat: "JL. PM NOOR NO. 19", rt: "012", rw: "004", diterbitkan: { year: 2016, month: 7, day: 1 } }),
    generator.finishHousehold(padang, [dewi], { alamat: "JL. NIPAH NO. 8", rt: "002", rw: "001", diterbitkan: { year: 2019, month: 10, day: 14 } }),
    generator.finishHousehold(bandung, [agus], { alamat: "GG. SUKAWENANG NO. 3", rt: "005", rw: "007", diterbitkan: { year: 2022, month: 1, day: 18 } }),
  ];
  for (const household of households) generator.write(household, { documents: false });
  writeDemoDocuments(generator, { budi, siti, dewi, samarinda, padang });

  return [
    { nik: budi.nik, nama: budi.nama, expect: "eligible; NPWP, BPJS, vaccines, a car and a motorcycle, voter" },
    { nik: siti.nik, nama: siti.nama, expect: "eligible; Budi's wife, same KK" },
    { nik: dewi.nik, nama: dewi.nama, expect: "eligible; civil servant (BKN record) in Padang" },
    { nik: rizky.nik, nama: rizky.nama, expect: "refused: under 17" },
    { nik: agus.nik, nama: agus.nama, expect: "refused: no e-KTP recorded" },
    { nik: suparman.nik, nama: suparman.nama, expect: "refused: deceased" },
  ];
}

function writeDemoDocuments(generator: PopulationGenerator, { budi, siti, dewi, samarinda, padang }: { budi: Person; siti: Person; dewi: Person; samarinda: Village; padang: Village }) {
  const emit = (table: Parameters<PopulationGenerator["emitRow"]>[0], ...fields: string[]) => generator.emitRow(table, fields);
  emit("npwp", budi.nik, "097531246722000", "KPP PRATAMA SAMARINDA ULU", "2010-03-15");
  emit("npwp", dewi.nik, "086420135201000", "KPP PRATAMA PADANG SATU", "2015-01-20");
  emit("bpjs", budi.nik, "0001234567890", "PBPU", "1", "PUSKESMAS SEMPAJA", "t");
  emit("bpjs", siti.nik, "0001234567891", "PBPU", "1", "PUSKESMAS SEMPAJA", "t");
  emit("bpjs", dewi.nik, "0002345678901", "PPU", "1", "PUSKESMAS PEMANCUNGAN", "t");
  for (const [dose, vaksin, day] of [
    [1, "SINOVAC", "2021-07-12"],
    [2, "SINOVAC", "2021-08-09"],
    [3, "PFIZER", "2022-02-21"],
  ] as const) {
    emit("vaksin", budi.nik, String(dose), vaksin, day, "PUSKESMAS SEMPAJA");
    emit("vaksin", siti.nik, String(dose), vaksin, day, "PUSKESMAS SEMPAJA");
  }
  for (const [dose, vaksin, day] of [
    [1, "ASTRAZENECA", "2021-03-02"],
    [2, "ASTRAZENECA", "2021-05-25"],
    [3, "MODERNA", "2022-01-18"],
    [4, "PFIZER", "2023-01-30"],
  ] as const) {
    emit("vaksin", dewi.nik, String(dose), vaksin, day, "RSUD DR. RASIDIN PADANG");
  }
  emit("kendaraan", "KT 1785 BS", budi.nik, "MOBIL_PENUMPANG", "TOYOTA", "2019", "PUTIH", "2027-06-30");
  emit("kendaraan", "KT 4417 AK", budi.nik, "SEPEDA_MOTOR", "HONDA", "2021", "HITAM", "2026-12-31");
  emit("kendaraan", "BA 3321 DL", dewi.nik, "SEPEDA_MOTOR", "YAMAHA", "2020", "BIRU", "2027-03-31");
  emit("bkn", dewi.nik, `${formatIsoDate(dewi.birth).replaceAll("-", "")}201503` + "2" + "007", "DISDUKCAPIL KOTA PADANG", "ANALIS KEPENDUDUKAN", "III/c", "2015-03-01");
  emit("dpt", budi.nik, "PEMILU 2024", "TPS 012", samarinda.code);
  emit("dpt", siti.nik, "PEMILU 2024", "TPS 012", samarinda.code);
  emit("dpt", dewi.nik, "PEMILU 2024", "TPS 004", padang.code);
}

function findVillage(villages: VillageIndex, code: string): Village {
  const village = villages
    .get(code.slice(0, 2))
    ?.get(code.slice(0, 5))
    ?.find((v) => v.code === code);
  if (!village) throw new Error(`Village ${code} is missing from idn-area-data; update demo-residents.ts.`);
  return village;
}
