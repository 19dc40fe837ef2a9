// The Kartu Keluarga as the citizen's wallet shows it: the household, and every member with their
// relationship, sex and date of birth. Other members' NIKs are masked; the citizen's own is not.

import type { Locale } from "./errors.ts";

export const RELATIONSHIPS = ["KEPALA_KELUARGA", "SUAMI", "ISTRI", "ANAK", "MENANTU", "CUCU", "ORANG_TUA", "MERTUA", "FAMILI_LAIN", "LAINNYA"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** As printed in the KK's "Status Hubungan dalam Keluarga" column, and in English. */
export const RELATIONSHIP_LABELS: Record<Relationship, Record<Locale, string>> = {
  KEPALA_KELUARGA: { id: "Kepala Keluarga", en: "Head of household" },
  SUAMI: { id: "Suami", en: "Husband" },
  ISTRI: { id: "Istri", en: "Wife" },
  ANAK: { id: "Anak", en: "Child" },
  MENANTU: { id: "Menantu", en: "Child-in-law" },
  CUCU: { id: "Cucu", en: "Grandchild" },
  ORANG_TUA: { id: "Orang Tua", en: "Parent" },
  MERTUA: { id: "Mertua", en: "Parent-in-law" },
  FAMILI_LAIN: { id: "Famili Lain", en: "Other relative" },
  LAINNYA: { id: "Lainnya", en: "Other" },
};

export const SEX_LABELS: Record<"LAKI_LAKI" | "PEREMPUAN", Record<Locale, string>> = {
  LAKI_LAKI: { id: "Laki-laki", en: "Male" },
  PEREMPUAN: { id: "Perempuan", en: "Female" },
};

export interface FamilyMember {
  /** The citizen's own NIK in full; everyone else's masked (maskNik). */
  nik: string;
  nama: string;
  relationship: Relationship;
  sex: "LAKI_LAKI" | "PEREMPUAN";
  /** 1985-08-17 */
  bornOn: string;
  /** Recorded as deceased in SIAK (still listed, as the KK lists them until it is reissued). */
  deceased: boolean;
  self: boolean;
}

export interface FamilyCard {
  noKk: string;
  address: string;
  rtRw: string;
  village: string;
  district: string;
  regency: string;
  province: string;
  postalCode: string;
  /** 2020-01-02 */
  issuedOn: string;
  members: FamilyMember[];
}

/** 6472051708850001 → 647205••••••0001: the district and the serial, not the birth date. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 6)}${"•".repeat(6)}${nik.slice(12)}`;
}

/** 1985-08-17 → "17 Agustus 1985" (or "17 August 1985"), as people write dates. */
export function longDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
