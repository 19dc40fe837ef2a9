import "server-only";
import type { Db } from "@ktp/db";
import { cardDate, cardLabel, type KtpCard } from "../../universal/ktp-card.ts";

/** A resident's e-KTP fields from SIAK, or null for an unknown NIK. */
export async function loadKtpCard(db: Db, nik: string): Promise<KtpCard | null> {
  const p = await db.penduduk.findUnique({
    where: { nik },
    include: { desa: { include: { kecamatan: { include: { kabupaten: { include: { provinsi: true } } } } } } },
  });
  if (!p) return null;
  const kecamatan = p.desa.kecamatan;
  return {
    nik: p.nik,
    nama: p.nama,
    tempatTanggalLahir: `${p.tempatLahir}, ${cardDate(p.tanggalLahir)}`,
    jenisKelamin: cardLabel(p.jenisKelamin),
    golonganDarah: cardLabel(p.golonganDarah),
    alamat: p.alamat,
    rtRw: `${p.rt}/${p.rw}`,
    kelurahanDesa: p.desa.nama.toUpperCase(),
    kecamatan: kecamatan.nama.toUpperCase(),
    kabupatenKota: kecamatan.kabupaten.nama.toUpperCase(),
    provinsi: kecamatan.kabupaten.provinsi.nama.toUpperCase(),
    agama: cardLabel(p.agama),
    statusPerkawinan: cardLabel(p.statusPerkawinan),
    pekerjaan: p.pekerjaan.toUpperCase(),
    kewarganegaraan: p.kewarganegaraan,
    berlakuHingga: "SEUMUR HIDUP",
  };
}

/** The e-KTP photo's bytes, or null. */
export async function loadEktpPhoto(db: Db, nik: string): Promise<{ bytes: Uint8Array; mime: string } | null> {
  const photo = await db.fotoEktp.findUnique({ where: { nik }, select: { gambar: true, mime: true } });
  return photo ? { bytes: photo.gambar, mime: photo.mime } : null;
}
