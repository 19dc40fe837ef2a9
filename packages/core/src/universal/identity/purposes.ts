// What a citizen can share through the identity QR, and what a verifier may learn: the citizen
// picks a purpose, the verifier scans for one of its registered purposes, and the verifier gets
// the fields both allow (docs/identity-token.md).

import type { LocalizedText } from "../errors.ts";

/** Every field a presentation can disclose. `photo` is the e-KTP photo, served online only. */
export const IDENTITY_FIELDS = [
  "ageOver17",
  "nik",
  "nikMasked",
  "nama",
  "tempatLahir",
  "tanggalLahir",
  "jenisKelamin",
  "golonganDarah",
  "alamat",
  "rtRw",
  "kelurahanDesa",
  "kecamatan",
  "kabupatenKota",
  "provinsi",
  "agama",
  "statusPerkawinan",
  "pekerjaan",
  "kewarganegaraan",
  "photo",
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** How each field is named to people (the e-KTP's own labels where it has one). */
export const IDENTITY_FIELD_LABELS: Record<IdentityField, LocalizedText> = {
  ageOver17: { id: "Berusia 17+", en: "Aged 17+" },
  nik: { id: "NIK", en: "NIK" },
  nikMasked: { id: "NIK tersamar", en: "Masked NIK" },
  nama: { id: "Nama", en: "Name" },
  tempatLahir: { id: "Tempat lahir", en: "Place of birth" },
  tanggalLahir: { id: "Tanggal lahir", en: "Date of birth" },
  jenisKelamin: { id: "Jenis kelamin", en: "Sex" },
  golonganDarah: { id: "Gol. darah", en: "Blood type" },
  alamat: { id: "Alamat", en: "Address" },
  rtRw: { id: "RT/RW", en: "RT/RW" },
  kelurahanDesa: { id: "Kel/Desa", en: "Village" },
  kecamatan: { id: "Kecamatan", en: "District" },
  kabupatenKota: { id: "Kabupaten/Kota", en: "Regency/City" },
  provinsi: { id: "Provinsi", en: "Province" },
  agama: { id: "Agama", en: "Religion" },
  statusPerkawinan: { id: "Status perkawinan", en: "Marital status" },
  pekerjaan: { id: "Pekerjaan", en: "Occupation" },
  kewarganegaraan: { id: "Kewarganegaraan", en: "Citizenship" },
  photo: { id: "Foto", en: "Photo" },
};

export const PURPOSES = ["age17", "airport", "bank", "full"] as const;
export type Purpose = (typeof PURPOSES)[number];

const ADDRESS: IdentityField[] = ["alamat", "rtRw", "kelurahanDesa", "kecamatan", "kabupatenKota", "provinsi"];

export interface PurposeRule {
  /** The number that stands for the purpose inside the token. */
  code: number;
  label: LocalizedText;
  /** What the citizen is told the verifier will see. */
  shares: LocalizedText;
  fields: readonly IdentityField[];
  /**
   * Whether the token carries the fields, so it verifies offline. "full" carries only a reference:
   * all of the e-KTP does not fit in a QR a cheap phone can read, and it is never needed offline.
   */
  offline: boolean;
}

export const PURPOSE_RULES: Record<Purpose, PurposeRule> = {
  age17: {
    code: 1,
    label: { id: "Cek usia 17+", en: "Age check 17+" },
    shares: { id: "Hanya bahwa Anda berusia 17 tahun atau lebih, dan foto (saat daring).", en: "Only that you are 17 or older, and your photo (online)." },
    fields: ["ageOver17", "photo"],
    offline: true,
  },
  airport: {
    code: 2,
    label: { id: "Bandara", en: "Airport" },
    shares: { id: "Nama, NIK tersamar, dan foto.", en: "Name, masked NIK and photo." },
    fields: ["nama", "nikMasked", "photo"],
    offline: true,
  },
  bank: {
    code: 3,
    label: { id: "Bank / KYC", en: "Bank / KYC" },
    shares: { id: "Nama, NIK, tempat dan tanggal lahir, alamat, dan foto.", en: "Name, NIK, place and date of birth, address and photo." },
    fields: ["nama", "nik", "nikMasked", "tempatLahir", "tanggalLahir", "ageOver17", ...ADDRESS, "photo"],
    offline: true,
  },
  full: {
    code: 4,
    label: { id: "Lengkap", en: "Complete" },
    shares: { id: "Semua data yang tercetak di e-KTP, dan foto. Hanya saat daring.", en: "Everything printed on the e-KTP, and your photo. Online only." },
    fields: IDENTITY_FIELDS,
    offline: false,
  },
};

export function purposeOfCode(code: number): Purpose | undefined {
  return PURPOSES.find((purpose) => PURPOSE_RULES[purpose].code === code);
}

export interface SharedFields {
  /** Fields the verifier may see: what the citizen shared and the verifier's purpose allows. */
  fields: IdentityField[];
  /** Fields the verifier's purpose asks for that the citizen did not share. */
  withheld: IdentityField[];
}

/**
 * The consent intersection. The verifier scans for `asked` (one of its registered purposes; the
 * caller checks that); the citizen showed a QR for `shared`.
 */
export function sharedFields(shared: Purpose, asked: Purpose): SharedFields {
  const citizen = new Set(PURPOSE_RULES[shared].fields);
  const verifier = PURPOSE_RULES[asked].fields;
  return { fields: verifier.filter((f) => citizen.has(f)), withheld: verifier.filter((f) => !citizen.has(f)) };
}

/** 6472051708850001 → 6472********0001 */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 4)}********${nik.slice(12)}`;
}

/** Whether someone born on `birthDate` (YYYY-MM-DD) is at least `years` old on `at`, in WIB (UTC+7). */
export function isAtLeast(birthDate: string, years: number, at: Date): boolean {
  const wib = new Date(at.getTime() + 7 * 3600_000);
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = [wib.getUTCFullYear(), wib.getUTCMonth() + 1, wib.getUTCDate()];
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0) >= years;
}

/**
 * Fields a token need not carry because another carried field gives them: the masked NIK from the
 * NIK, "17 or older" from the date of birth (on the day the token became valid).
 */
export const DERIVED_FIELDS = {
  nikMasked: { from: "nik", derive: (nik: string) => maskNik(nik) },
  ageOver17: { from: "tanggalLahir", derive: (birthDate: string, at: Date) => isAtLeast(birthDate, 17, at) },
} as const;
