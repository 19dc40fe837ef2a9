// The e-KTP's fields, printed as on the card (upper case, Indonesian), for the citizen's KTP
// card and the officer's applicant view.

export interface KtpCard {
  nik: string;
  nama: string;
  tempatTanggalLahir: string;
  jenisKelamin: string;
  golonganDarah: string;
  alamat: string;
  rtRw: string;
  kelurahanDesa: string;
  kecamatan: string;
  kabupatenKota: string;
  provinsi: string;
  agama: string;
  statusPerkawinan: string;
  pekerjaan: string;
  kewarganegaraan: string;
  berlakuHingga: string;
}

const LABELS: Record<string, string> = {
  LAKI_LAKI: "LAKI-LAKI",
  PEREMPUAN: "PEREMPUAN",
  TIDAK_TAHU: "-",
  BELUM_KAWIN: "BELUM KAWIN",
  KAWIN: "KAWIN",
  CERAI_HIDUP: "CERAI HIDUP",
  CERAI_MATI: "CERAI MATI",
  KEPERCAYAAN: "KEPERCAYAAN TERHADAP TUHAN YME",
};

/** An enum value as printed on the card: LAKI_LAKI → LAKI-LAKI. */
export function cardLabel(value: string): string {
  return LABELS[value] ?? value.replaceAll("_", " ");
}

/** 1985-08-17 → 17-08-1985, as on the card. */
export function cardDate(date: Date): string {
  return [date.getUTCDate(), date.getUTCMonth() + 1].map((n) => String(n).padStart(2, "0")).join("-") + `-${date.getUTCFullYear()}`;
}

/** The field names in the card's order, with their printed labels. */
export const KTP_CARD_FIELDS: readonly [keyof KtpCard, string][] = [
  ["nik", "NIK"],
  ["nama", "Nama"],
  ["tempatTanggalLahir", "Tempat/Tgl Lahir"],
  ["jenisKelamin", "Jenis Kelamin"],
  ["golonganDarah", "Gol. Darah"],
  ["alamat", "Alamat"],
  ["rtRw", "RT/RW"],
  ["kelurahanDesa", "Kel/Desa"],
  ["kecamatan", "Kecamatan"],
  ["agama", "Agama"],
  ["statusPerkawinan", "Status Perkawinan"],
  ["pekerjaan", "Pekerjaan"],
  ["kewarganegaraan", "Kewarganegaraan"],
  ["berlakuHingga", "Berlaku Hingga"],
];
