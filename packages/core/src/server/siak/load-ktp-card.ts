import "server-only";
import type { Db } from "@ktp/db";
import { cardDate, cardLabel, type KtpCard } from "../../universal/ktp-card.ts";

/** A resident's e-KTP fields from SIAK, or null for an unknown NIK. */
export async function loadKtpCard({ db, nik }: { db: Db; nik: string }): Promise<KtpCard | null> {
  return (await loadResidentRecord(db, nik))?.card ?? null;
}

export interface ResidentRecord {
  card: KtpCard;
  tempatLahir: string;
  /** 1985-08-17 */
  tanggalLahir: string;
  deceased: boolean;
}

/** The card's fields and the raw values behind them (for the identity QR), or null for an unknown NIK. */
export async function loadResidentRecord(db: Db, nik: string): Promise<ResidentRecord | null> {
  const p = await db.penduduk.findUnique({
    where: { nik },
    include: { desa: { include: { kecamatan: { include: { kabupaten: { include: { provinsi: true } } } } } } },
  });
  if (!p) return null;
  const kecamatan = p.desa.kecamatan;
  return toResidentRecord({ ...p, desa: p.desa.nama, kecamatan: kecamatan.nama, kabupaten: kecamatan.kabupaten.nama, provinsi: kecamatan.kabupaten.provinsi.nama });
}

/** A resident's SIAK row with the names of its village, district, regency and province. */
export interface ResidentRow {
  nik: string;
  nama: string;
  tempatLahir: string;
  tanggalLahir: Date;
  tanggalMeninggal: Date | null;
  jenisKelamin: string;
  golonganDarah: string;
  alamat: string;
  rt: string;
  rw: string;
  agama: string;
  statusPerkawinan: string;
  pekerjaan: string;
  kewarganegaraan: string;
  desa: string;
  kecamatan: string;
  kabupaten: string;
  provinsi: string;
}

/** The row as printed on the card (and the raw values the identity QR carries). */
export function toResidentRecord(p: ResidentRow): ResidentRecord {
  const card: KtpCard = {
    nik: p.nik,
    nama: p.nama,
    tempatTanggalLahir: `${p.tempatLahir}, ${cardDate(p.tanggalLahir)}`,
    jenisKelamin: cardLabel(p.jenisKelamin),
    golonganDarah: cardLabel(p.golonganDarah),
    alamat: p.alamat,
    rtRw: `${p.rt}/${p.rw}`,
    kelurahanDesa: p.desa.toUpperCase(),
    kecamatan: p.kecamatan.toUpperCase(),
    kabupatenKota: p.kabupaten.toUpperCase(),
    provinsi: p.provinsi.toUpperCase(),
    agama: cardLabel(p.agama),
    statusPerkawinan: cardLabel(p.statusPerkawinan),
    pekerjaan: p.pekerjaan.toUpperCase(),
    kewarganegaraan: p.kewarganegaraan,
    berlakuHingga: "SEUMUR HIDUP",
  };
  return { card, tempatLahir: p.tempatLahir, tanggalLahir: p.tanggalLahir.toISOString().slice(0, 10), deceased: p.tanggalMeninggal !== null };
}

/** The e-KTP photo's bytes, or null. */
export async function loadEktpPhoto({ db, nik }: { db: Db; nik: string }): Promise<{ bytes: Uint8Array; mime: string } | null> {
  const photo = await db.fotoEktp.findUnique({ where: { nik }, select: { gambar: true, mime: true } });
  return photo ? { bytes: photo.gambar, mime: photo.mime } : null;
}
