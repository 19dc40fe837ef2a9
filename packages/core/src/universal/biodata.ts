// "Biodata": everything SIAK holds about the citizen, beyond what the card prints.

import type { Locale } from "./errors.ts";

export interface Biodata {
  nik: string;
  noKk: string;
  nama: string;
  tempatLahir: string;
  /** 1985-08-17 */
  tanggalLahir: string;
  jenisKelamin: string;
  golonganDarah: string;
  agama: string;
  statusPerkawinan: string;
  hubunganKeluarga: string;
  pekerjaan: string;
  kewarganegaraan: string;
  namaAyah: string | null;
  namaIbu: string | null;
  alamat: string;
  /** 2012-05-01, or null when no e-KTP was ever recorded. */
  ektpDirekamPada: string | null;
}

/** The order and the labels of the biodata page. */
export const BIODATA_FIELDS: readonly [keyof Biodata, Record<Locale, string>][] = [
  ["nik", { id: "NIK", en: "NIK" }],
  ["noKk", { id: "Nomor KK", en: "Family card number" }],
  ["nama", { id: "Nama lengkap", en: "Full name" }],
  ["tempatLahir", { id: "Tempat lahir", en: "Place of birth" }],
  ["tanggalLahir", { id: "Tanggal lahir", en: "Date of birth" }],
  ["jenisKelamin", { id: "Jenis kelamin", en: "Sex" }],
  ["golonganDarah", { id: "Golongan darah", en: "Blood type" }],
  ["agama", { id: "Agama", en: "Religion" }],
  ["statusPerkawinan", { id: "Status perkawinan", en: "Marital status" }],
  ["hubunganKeluarga", { id: "Hubungan dalam keluarga", en: "Relationship in the household" }],
  ["pekerjaan", { id: "Pekerjaan", en: "Occupation" }],
  ["kewarganegaraan", { id: "Kewarganegaraan", en: "Citizenship" }],
  ["namaAyah", { id: "Nama ayah", en: "Father's name" }],
  ["namaIbu", { id: "Nama ibu", en: "Mother's name" }],
  ["alamat", { id: "Alamat", en: "Address" }],
  ["ektpDirekamPada", { id: "Perekaman e-KTP", en: "e-KTP recorded on" }],
];

/** Fields that hold a date, shown as people write them. */
export const BIODATA_DATES: ReadonlySet<keyof Biodata> = new Set(["tanggalLahir", "ektpDirekamPada"]);
