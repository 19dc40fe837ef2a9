import "server-only";
import type { Db } from "@ktp/db";
import type { Biodata } from "../../universal/biodata.ts";
import { RELATIONSHIP_LABELS } from "../../universal/family-card.ts";
import { loadResidentRecord } from "../siak/load-ktp-card.ts";

/** Everything SIAK holds about `nik`, as the biodata page shows it; null for an unknown NIK. */
export async function findBiodata({ db, nik }: { db: Db; nik: string }): Promise<Biodata | null> {
  const [record, p] = await Promise.all([
    loadResidentRecord(db, nik),
    db.penduduk.findUnique({ where: { nik }, select: { noKk: true, hubunganKeluarga: true, namaAyah: true, namaIbu: true, ektpDirekamPada: true } }),
  ]);
  if (!record || !p) return null;
  const { card } = record;
  return {
    nik,
    noKk: p.noKk,
    nama: card.nama,
    tempatLahir: record.tempatLahir,
    tanggalLahir: record.tanggalLahir,
    jenisKelamin: card.jenisKelamin,
    golonganDarah: card.golonganDarah,
    agama: card.agama,
    statusPerkawinan: card.statusPerkawinan,
    hubunganKeluarga: RELATIONSHIP_LABELS[p.hubunganKeluarga].id.toUpperCase(),
    pekerjaan: card.pekerjaan,
    kewarganegaraan: card.kewarganegaraan,
    namaAyah: p.namaAyah,
    namaIbu: p.namaIbu,
    alamat: `${card.alamat}, RT/RW ${card.rtRw}, ${card.kelurahanDesa}, ${card.kecamatan}, ${card.kabupatenKota}, ${card.provinsi}`,
    ektpDirekamPada: p.ektpDirekamPada?.toISOString().slice(0, 10) ?? null,
  };
}
