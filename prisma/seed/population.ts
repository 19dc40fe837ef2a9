import { fakerID_ID } from "@faker-js/faker";
import { ageOn, type CalendarDate, compareDates, formatIsoDate, isValidCalendarDate } from "@ktp/core/universal/calendar";
import { formatNik, type Sex } from "@ktp/core/universal/nik";
import type { Random } from "./random.ts";
import {
  ADDRESS_KINDS,
  ADULT_OCCUPATIONS,
  BLOOD_TYPES,
  CAR_MAKES,
  CIVIL_SERVANT_OCCUPATIONS,
  COLOURS,
  MOTORCYCLE_MAKES,
  PLATE_PREFIX,
  PROVINCE_WEIGHTS,
  religionsFor,
  SALARIED_OCCUPATIONS,
  STREETS,
  VACCINES,
} from "./reference.ts";
import type { Village } from "./wilayah.ts";

// Builds households (KK) of coherent members and the documents tied to their NIKs, as rows in
// PostgreSQL COPY text format. Everything is drawn from one seeded Random.

export type Hubungan = "KEPALA_KELUARGA" | "SUAMI" | "ISTRI" | "ANAK" | "ORANG_TUA" | "CUCU" | "FAMILI_LAIN";

export interface Person {
  nik: string;
  hubungan: Hubungan;
  nama: string;
  tempatLahir: string;
  birth: CalendarDate;
  sex: Sex;
  golonganDarah: string;
  agama: string;
  statusPerkawinan: "BELUM_KAWIN" | "KAWIN" | "CERAI_HIDUP" | "CERAI_MATI";
  pekerjaan: string;
  meninggal: CalendarDate | null;
  ektp: CalendarDate | null;
  namaAyah: string | null;
  namaIbu: string | null;
}

export interface Household {
  noKk: string;
  village: Village;
  alamat: string;
  rt: string;
  rw: string;
  kodePos: string;
  diterbitkan: CalendarDate;
  members: Person[];
}

export const TABLE_COLUMNS = {
  keluarga: "siak.keluarga (no_kk, alamat, rt, rw, desa_kode, kode_pos, diterbitkan_pada)",
  penduduk:
    "siak.penduduk (nik, no_kk, hubungan_keluarga, nama, tempat_lahir, tanggal_lahir, jenis_kelamin, golongan_darah, " +
    "alamat, rt, rw, desa_kode, agama, status_perkawinan, pekerjaan, kewarganegaraan, tanggal_meninggal, ektp_direkam_pada, nama_ayah, nama_ibu)",
  npwp: "siak.npwp (nik, nomor, kpp, terdaftar_pada)",
  bpjs: "siak.bpjs_kesehatan (nik, no_kartu, segmen, kelas, faskes, aktif)",
  vaksin: "siak.vaksin_covid (nik, dosis, vaksin, tanggal, lokasi)",
  kendaraan: "siak.kendaraan (nomor_polisi, nik, jenis, merek, tahun_pembuatan, warna, stnk_berlaku_sampai)",
  bkn: "siak.pegawai_bkn (nik, nip, instansi, jabatan, golongan, tmt_cpns)",
  dpt: "siak.dpt (nik, pemilu, tps, desa_kode)",
} as const;
export type Table = keyof typeof TABLE_COLUMNS;
export type RowSink = (table: Table, row: string) => void;

const names = fakerID_ID.definitions.person as unknown as {
  first_name: { male: string[]; female: string[] };
  last_name: { male: string[]; female: string[] };
};
const upper = (list: string[]) => list.map((n) => n.toUpperCase());
const FIRST = { LAKI_LAKI: upper(names.first_name.male), PEREMPUAN: upper(names.first_name.female) };
const LAST = { LAKI_LAKI: upper(names.last_name.male), PEREMPUAN: upper(names.last_name.female) };
const ELECTION_DAY: CalendarDate = { year: 2024, month: 2, day: 14 };
const EKTP_START: CalendarDate = { year: 2011, month: 2, day: 1 };

export class PopulationGenerator {
  private readonly nikSerials = new Map<string, number>();
  private readonly kkSerials = new Map<string, number>();
  private readonly plateSerials = new Map<string, number>();
  private readonly nipSerials = new Map<string, number>();
  private npwpSerial = 0;
  private bpjsSerial = 0;
  private readonly regencies: Map<string, [string, Village[]][]>;

  constructor(
    private readonly random: Random,
    villages: Map<string, Map<string, Village[]>>,
    private readonly today: CalendarDate,
    private readonly emit: RowSink,
  ) {
    this.regencies = new Map([...villages].map(([province, regencies]) => [province, [...regencies]]));
  }

  /** Adds one household and returns how many residents it has. */
  household(): number {
    const r = this.random;
    const village = this.pickVillage();
    const agama = r.weighted(religionsFor(village.provinceCode));
    const members: Person[] = [];
    const shape = r.weighted([
      ["couple", 62],
      ["single", 16],
      ["single-parent", 12],
      ["elderly-couple", 10],
    ] as const);

    if (shape === "single") {
      const age = r.int(19, 85);
      const sex: Sex = r.chance(0.55) ? "LAKI_LAKI" : "PEREMPUAN";
      const status =
        age < 35
          ? "BELUM_KAWIN"
          : r.weighted([
              ["BELUM_KAWIN", 3],
              ["CERAI_HIDUP", 3],
              ["CERAI_MATI", 4],
            ] as const);
      members.push(this.person(village, agama, "KEPALA_KELUARGA", sex, this.birthForAge(age), status));
    } else {
      const elderly = shape === "elderly-couple";
      const headAge = elderly ? r.int(60, 88) : r.int(22, 62);
      const head = this.person(
        village,
        agama,
        "KEPALA_KELUARGA",
        shape === "single-parent" ? "PEREMPUAN" : "LAKI_LAKI",
        this.birthForAge(headAge),
        shape === "single-parent" ? r.pick(["CERAI_HIDUP", "CERAI_MATI"] as const) : "KAWIN",
      );
      members.push(head);
      let mother = head;
      if (shape !== "single-parent") {
        mother = this.person(village, agama, "ISTRI", "PEREMPUAN", this.birthForAge(Math.max(18, headAge - r.int(-2, 9))), "KAWIN");
        members.push(mother);
      }
      if (!elderly) this.addChildren(members, village, agama, head, mother);
      if (!elderly && r.chance(0.1)) {
        const parent = this.person(village, agama, "ORANG_TUA", r.chance(0.7) ? "PEREMPUAN" : "LAKI_LAKI", this.birthForAge(Math.min(95, headAge + r.int(20, 35))), "CERAI_MATI");
        members.push(parent);
      }
    }

    const household = this.finishHousehold(village, members);
    this.write(household);
    return members.length;
  }

  /** Writes a household built elsewhere (the named demo residents). */
  write(household: Household, { documents = true } = {}): void {
    const { emit } = this;
    const v = household.village;
    emit("keluarga", row(household.noKk, household.alamat, household.rt, household.rw, v.code, household.kodePos, formatIsoDate(household.diterbitkan)));
    for (const p of household.members) {
      emit(
        "penduduk",
        row(
          p.nik,
          household.noKk,
          p.hubungan,
          p.nama,
          p.tempatLahir,
          formatIsoDate(p.birth),
          p.sex,
          p.golonganDarah,
          household.alamat,
          household.rt,
          household.rw,
          v.code,
          p.agama,
          p.statusPerkawinan,
          p.pekerjaan,
          "WNI",
          date(p.meninggal),
          date(p.ektp),
          p.namaAyah,
          p.namaIbu,
        ),
      );
      if (documents) this.documents(p, household);
    }
  }

  emitRow(table: Table, fields: (string | null)[]): void {
    this.emit(table, row(...fields));
  }

  nik(districtCode: string, sex: Sex, birth: CalendarDate): string {
    const key = formatNik({ districtCode, sex, birthDate: birth, serial: 0 }).slice(0, 12);
    const serial = (this.nikSerials.get(key) ?? 0) + 1;
    this.nikSerials.set(key, serial);
    return formatNik({ districtCode, sex, birthDate: birth, serial });
  }

  noKk(districtCode: string, issued: CalendarDate): string {
    const key = districtCode + formatIsoDate(issued);
    const serial = (this.kkSerials.get(key) ?? 0) + 1;
    this.kkSerials.set(key, serial);
    const dd = String(issued.day).padStart(2, "0");
    const mm = String(issued.month).padStart(2, "0");
    const yy = String(issued.year % 100).padStart(2, "0");
    return `${districtCode}${dd}${mm}${yy}${String(serial).padStart(4, "0")}`;
  }

  finishHousehold(village: Village, members: Person[], overrides: Partial<Household> = {}): Household {
    const r = this.random;
    const youngest = members.reduce((a, p) => (compareDates(p.birth, a) > 0 ? p.birth : a), members[0]!.birth);
    const earliest = compareDates(youngest, { year: 2014, month: 1, day: 1 }) > 0 ? youngest : { year: 2014, month: 1, day: 1 };
    const diterbitkan = overrides.diterbitkan ?? this.dateBetween(earliest, this.today);
    const kind = r.pick(ADDRESS_KINDS);
    return {
      noKk: this.noKk(village.districtCode.replaceAll(".", ""), diterbitkan),
      village,
      alamat: `${kind} ${r.pick(STREETS)}${kind === "JL." || kind === "GG." ? ` NO. ${r.int(1, 250)}` : ` BLOK ${String.fromCharCode(65 + r.int(0, 7))}-${r.int(1, 40)}`}`,
      rt: pad3(r.int(1, 15)),
      rw: pad3(r.int(1, 9)),
      kodePos: String(10000 + (hash(village.code) % 89999)),
      diterbitkan,
      members,
      ...overrides,
    };
  }

  person(village: Village, agama: string, hubungan: Hubungan, sex: Sex, birth: CalendarDate, statusPerkawinan: Person["statusPerkawinan"], extra: Partial<Person> = {}): Person {
    const r = this.random;
    const age = ageOn(birth, this.today);
    const adult = age >= 17;
    const pekerjaan = extra.pekerjaan ?? this.occupation(age, sex, hubungan);
    const meninggal = extra.meninggal !== undefined ? extra.meninggal : r.chance(age > 70 ? 0.08 : 0.003) ? this.dateBetween(addYears(this.today, -5), this.today) : null;
    const ektpFrom = later(addYears(birth, 17), EKTP_START);
    const ektpTo = meninggal ?? this.today;
    const ektp = extra.ektp !== undefined ? extra.ektp : adult && compareDates(ektpFrom, ektpTo) <= 0 && r.chance(0.96) ? this.dateBetween(ektpFrom, ektpTo) : null;
    return {
      nik: extra.nik ?? this.nik(village.districtCode.replaceAll(".", ""), sex, birth),
      hubungan,
      nama: extra.nama ?? `${r.pick(FIRST[sex])} ${r.pick(LAST[sex])}`,
      tempatLahir: extra.tempatLahir ?? birthplace(village),
      birth,
      sex,
      golonganDarah: r.weighted(BLOOD_TYPES),
      agama,
      statusPerkawinan,
      pekerjaan,
      meninggal,
      ektp,
      namaAyah: extra.namaAyah ?? null,
      namaIbu: extra.namaIbu ?? null,
    };
  }

  private addChildren(members: Person[], village: Village, agama: string, head: Person, mother: Person) {
    const r = this.random;
    const count = r.weighted([
      [0, 12],
      [1, 25],
      [2, 32],
      [3, 20],
      [4, 8],
      [5, 3],
    ] as const);
    const father = head.sex === "LAKI_LAKI" ? head : null;
    for (let i = 0; i < count; i++) {
      const birth = this.dateBetween(addYears(mother.birth, 19), earlier(addYears(mother.birth, 42), this.today));
      if (compareDates(birth, this.today) > 0 || ageOn(birth, this.today) > 29) continue;
      const sex: Sex = r.chance(0.51) ? "LAKI_LAKI" : "PEREMPUAN";
      const familyName = father && r.chance(0.4) ? father.nama.split(" ").at(-1) : null;
      const first = r.pick(FIRST[sex]);
      const nama = familyName ? `${first} ${familyName}` : `${first} ${r.pick(LAST[sex])}`;
      const age = ageOn(birth, this.today);
      members.push(
        this.person(village, agama, "ANAK", sex, birth, age >= 22 && r.chance(0.2) ? "KAWIN" : "BELUM_KAWIN", {
          nama,
          namaAyah: father?.nama ?? null,
          namaIbu: mother.nama,
        }),
      );
    }
  }

  private documents(p: Person, household: Household) {
    const r = this.random;
    const { emit } = this;
    const age = ageOn(p.birth, this.today);
    const v = household.village;
    const place = v.regencyName.replace(/^(Kabupaten|Kota( Administrasi)?) /, "").toUpperCase();

    if (age >= 21 && p.pekerjaan !== "BELUM/TIDAK BEKERJA" && p.pekerjaan !== "PELAJAR/MAHASISWA" && r.chance(0.6)) {
      // Pre-2024 format: 2-digit taxpayer kind, 6-digit serial, check digit, 3-digit tax office, 000.
      const n = ++this.npwpSerial;
      const nomor = `${10 + Math.floor(n / 1e6)}${String(n % 1e6).padStart(6, "0")}${r.int(0, 9)}${String(hash(v.regencyCode) % 1000).padStart(3, "0")}000`;
      emit("npwp", row(p.nik, nomor, `KPP PRATAMA ${place}`, formatIsoDate(this.dateBetween(later(addYears(p.birth, 21), { year: 2005, month: 1, day: 1 }), this.today))));
    }

    if (r.chance(0.78)) {
      const segmen =
        CIVIL_SERVANT_OCCUPATIONS.has(p.pekerjaan) || SALARIED_OCCUPATIONS.has(p.pekerjaan)
          ? "PPU"
          : r.weighted([
              ["PBI", 55],
              ["PBPU", 40],
              ["BP", 5],
            ] as const);
      const kelas =
        segmen === "PBI"
          ? 3
          : r.weighted([
              [1, 30],
              [2, 35],
              [3, 35],
            ] as const);
      const faskes = r.chance(0.8) ? `PUSKESMAS ${v.districtName.toUpperCase()}` : `KLINIK PRATAMA ${r.pick(STREETS)}`;
      emit("bpjs", row(p.nik, `000${String(++this.bpjsSerial).padStart(10, "0")}`, segmen, String(kelas), faskes, r.chance(0.92) ? "t" : "f"));
    }

    if (compareDates(p.birth, { year: 2016, month: 1, day: 1 }) < 0 && !(p.meninggal && p.meninggal.year < 2021) && r.chance(0.78)) {
      const doses = r.weighted([
        [1, 8],
        [2, 42],
        [3, 38],
        [4, 12],
      ] as const);
      let when = this.dateBetween({ year: 2021, month: 1, day: 14 }, { year: 2021, month: 12, day: 31 });
      const lokasi = r.chance(0.7) ? `PUSKESMAS ${v.districtName.toUpperCase()}` : `RSUD ${place}`;
      for (let dose = 1; dose <= doses; dose++) {
        emit("vaksin", row(p.nik, String(dose), dose <= 2 ? r.pick(VACCINES.slice(0, 3)) : r.pick(VACCINES), formatIsoDate(when), lokasi));
        when = addDays(when, dose === 1 ? r.int(28, 90) : r.int(180, 400));
      }
    }

    if (age >= 17 && !p.meninggal) {
      const vehicles =
        p.hubungan === "KEPALA_KELUARGA"
          ? r.weighted([
              [0, 25],
              [1, 55],
              [2, 20],
            ] as const)
          : r.chance(0.25)
            ? 1
            : 0;
      for (let i = 0; i < vehicles; i++) {
        const car = p.hubungan === "KEPALA_KELUARGA" && r.chance(0.2);
        const year = r.int(2005, this.today.year);
        emit(
          "kendaraan",
          row(
            this.plate(v.provinceCode),
            p.nik,
            car ? r.pick(["MOBIL_PENUMPANG", "MOBIL_PENUMPANG", "MOBIL_BARANG"]) : "SEPEDA_MOTOR",
            car ? r.pick(CAR_MAKES) : r.pick(MOTORCYCLE_MAKES),
            String(year),
            r.pick(COLOURS),
            formatIsoDate(addYears(this.today, r.int(-1, 4))),
          ),
        );
      }
    }

    if (CIVIL_SERVANT_OCCUPATIONS.has(p.pekerjaan) && age >= 22) {
      const tmt = { year: Math.min(this.today.year - 1, p.birth.year + r.int(22, 35)), month: r.pick([1, 3]), day: 1 };
      const key = `${formatIsoDate(p.birth).replaceAll("-", "")}${tmt.year}${pad2(tmt.month)}${p.sex === "LAKI_LAKI" ? 1 : 2}`;
      const serial = (this.nipSerials.get(key) ?? 0) + 1;
      this.nipSerials.set(key, serial);
      const instansi = p.pekerjaan === "GURU" ? `DINAS PENDIDIKAN ${place}` : r.pick([`PEMERINTAH ${place}`, `DISDUKCAPIL ${place}`, `BAPPEDA ${place}`, `DINAS KESEHATAN ${place}`]);
      const jabatan = p.pekerjaan === "GURU" ? "GURU AHLI PERTAMA" : r.pick(["ANALIS KEBIJAKAN", "PENGELOLA DATA", "PRANATA KOMPUTER", "ARSIPARIS", "VERIFIKATOR KEUANGAN"]);
      emit("bkn", row(p.nik, `${key}${pad3(serial)}`, instansi, jabatan, r.pick(["III/a", "III/b", "III/c", "III/d", "IV/a", "II/c"]), formatIsoDate(tmt)));
    }

    if (ageOn(p.birth, ELECTION_DAY) >= 17 && !(p.meninggal && compareDates(p.meninggal, ELECTION_DAY) < 0) && r.chance(0.97)) {
      emit("dpt", row(p.nik, "PEMILU 2024", `TPS ${pad3(r.int(1, 25))}`, v.code));
    }
  }

  private plate(province: string): string {
    const prefix = PLATE_PREFIX[province] ?? "B";
    const n = this.plateSerials.get(prefix) ?? this.random.int(0, 5000);
    this.plateSerials.set(prefix, n + 1);
    let suffix = "";
    for (let rest = Math.floor(n / 9999) + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
      suffix = String.fromCharCode(65 + ((rest - 1) % 26)) + suffix;
    }
    return `${prefix} ${(n % 9999) + 1} ${suffix}`;
  }

  private occupation(age: number, sex: Sex, hubungan: Hubungan): string {
    const r = this.random;
    if (age < 5) return "BELUM/TIDAK BEKERJA";
    if (age < 18) return "PELAJAR/MAHASISWA";
    if (age < 23 && r.chance(0.55)) return "PELAJAR/MAHASISWA";
    if (age >= 62) return r.chance(0.35) ? "PENSIUNAN" : r.chance(0.5) ? "PETANI/PEKEBUN" : "BELUM/TIDAK BEKERJA";
    if (sex === "PEREMPUAN" && hubungan === "ISTRI" && r.chance(0.5)) return "MENGURUS RUMAH TANGGA";
    return r.weighted(ADULT_OCCUPATIONS);
  }

  private pickVillage(): Village {
    const r = this.random;
    const regencies = this.regencies.get(r.weighted(PROVINCE_WEIGHTS))!;
    return r.pick(r.pick(regencies)[1]);
  }

  birthForAge(age: number): CalendarDate {
    const start = addYears(this.today, -(age + 1));
    return this.dateBetween(addDays(start, 1), addYears(this.today, -age));
  }

  dateBetween(from: CalendarDate, to: CalendarDate): CalendarDate {
    const a = Date.UTC(from.year, from.month - 1, from.day);
    const b = Date.UTC(to.year, to.month - 1, to.day);
    if (b <= a) return from;
    const d = new Date(a + Math.floor(this.random.next() * ((b - a) / 86_400_000 + 1)) * 86_400_000);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
}

function birthplace(village: Village): string {
  return village.regencyName.replace(/^(Kabupaten|Kota( Administrasi)?) /, "").toUpperCase();
}

export function addYears(d: CalendarDate, years: number): CalendarDate {
  const shifted = { ...d, year: d.year + years };
  return isValidCalendarDate(shifted) ? shifted : { ...shifted, month: 3, day: 1 };
}

function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

const later = (a: CalendarDate, b: CalendarDate) => (compareDates(a, b) >= 0 ? a : b);
const earlier = (a: CalendarDate, b: CalendarDate) => (compareDates(a, b) <= 0 ? a : b);
const pad2 = (n: number) => String(n).padStart(2, "0");
const pad3 = (n: number) => String(n).padStart(3, "0");
const date = (d: CalendarDate | null) => (d ? formatIsoDate(d) : null);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** One line of COPY text format; null becomes \N. */
function row(...fields: (string | null)[]): string {
  let line = "";
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (i) line += "\t";
    line += f === null || f === undefined ? "\\N" : /[\\\t\n\r]/.test(f) ? f.replace(/[\\\t\n\r]/g, (c) => `\\${c === "\t" ? "t" : c === "\n" ? "n" : c === "\r" ? "r" : "\\"}`) : f;
  }
  return line + "\n";
}
