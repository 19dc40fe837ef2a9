// "Dokumen hasil integrasi NIK": what other agencies hold under the citizen's NIK, as the wallet
// shows it. Each document names the agency it comes from; a missing one is null (or empty).

import type { Locale } from "./errors.ts";

export interface CitizenDocuments {
  npwp: { number: string; taxOffice: string; registeredOn: string } | null;
  bpjs: { cardNumber: string; segment: "PBI" | "PPU" | "PBPU" | "BP"; class: number; facility: string; active: boolean } | null;
  vaccines: { dose: number; vaccine: string; on: string; place: string }[];
  vehicles: { plate: string; kind: "SEPEDA_MOTOR" | "MOBIL_PENUMPANG" | "MOBIL_BARANG"; make: string; year: number; colour: string; taxDue: string }[];
  civilServant: { nip: string; agency: string; position: string; grade: string; since: string } | null;
  voter: { election: string; tps: string; village: string } | null;
  /** When SIAK answered: the documents are read live through the NIK, not copied. */
  readAt: string;
}

export type DocumentKind = "npwp" | "bpjs" | "vaccines" | "vehicles" | "civilServant" | "voter";

/** The agency each document comes from. */
export const DOCUMENT_SOURCES: Record<DocumentKind, Record<Locale, string>> = {
  npwp: { id: "Direktorat Jenderal Pajak", en: "Directorate General of Taxes" },
  bpjs: { id: "BPJS Kesehatan", en: "BPJS Kesehatan (national health insurance)" },
  vaccines: { id: "Kementerian Kesehatan (SATUSEHAT)", en: "Ministry of Health (SATUSEHAT)" },
  vehicles: { id: "Korlantas Polri", en: "Indonesian National Police, traffic corps" },
  civilServant: { id: "Badan Kepegawaian Negara", en: "National Civil Service Agency (BKN)" },
  voter: { id: "Komisi Pemilihan Umum", en: "General Elections Commission (KPU)" },
};

export const BPJS_SEGMENTS: Record<"PBI" | "PPU" | "PBPU" | "BP", Record<Locale, string>> = {
  PBI: { id: "Penerima Bantuan Iuran", en: "Contribution assistance recipient" },
  PPU: { id: "Pekerja Penerima Upah", en: "Wage earner" },
  PBPU: { id: "Pekerja Bukan Penerima Upah", en: "Self-employed" },
  BP: { id: "Bukan Pekerja", en: "Non-worker" },
};

export const VEHICLE_KINDS: Record<"SEPEDA_MOTOR" | "MOBIL_PENUMPANG" | "MOBIL_BARANG", Record<Locale, string>> = {
  SEPEDA_MOTOR: { id: "Sepeda motor", en: "Motorcycle" },
  MOBIL_PENUMPANG: { id: "Mobil penumpang", en: "Passenger car" },
  MOBIL_BARANG: { id: "Mobil barang", en: "Goods vehicle" },
};
