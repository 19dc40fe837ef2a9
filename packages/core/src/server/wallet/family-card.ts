import "server-only";
import type { Db } from "@ktp/db";
import { type FamilyCard, maskNik, RELATIONSHIPS } from "../../universal/family-card.ts";

/**
 * The citizen's Kartu Keluarga from SIAK, or null when the NIK is unknown. Members come in the
 * KK's order: the head, the spouse, children by age, then the others.
 */
export async function findFamilyCard({ db, nik }: { db: Db; nik: string }): Promise<FamilyCard | null> {
  const self = await db.penduduk.findUnique({
    where: { nik },
    select: {
      keluarga: {
        select: {
          noKk: true,
          alamat: true,
          rt: true,
          rw: true,
          kodePos: true,
          diterbitkanPada: true,
          desa: { select: { nama: true, kecamatan: { select: { nama: true, kabupaten: { select: { nama: true, provinsi: { select: { nama: true } } } } } } } },
          anggota: { select: { nik: true, nama: true, hubunganKeluarga: true, jenisKelamin: true, tanggalLahir: true, tanggalMeninggal: true } },
        },
      },
    },
  });
  if (!self) return null;
  const kk = self.keluarga;
  const rank = (relationship: string) => RELATIONSHIPS.indexOf(relationship as (typeof RELATIONSHIPS)[number]);
  const members = [...kk.anggota].sort((a, b) => rank(a.hubunganKeluarga) - rank(b.hubunganKeluarga) || a.tanggalLahir.getTime() - b.tanggalLahir.getTime());
  const kecamatan = kk.desa.kecamatan;
  return {
    noKk: kk.noKk,
    address: kk.alamat,
    rtRw: `${kk.rt}/${kk.rw}`,
    village: kk.desa.nama,
    district: kecamatan.nama,
    regency: kecamatan.kabupaten.nama,
    province: kecamatan.kabupaten.provinsi.nama,
    postalCode: kk.kodePos,
    issuedOn: kk.diterbitkanPada.toISOString().slice(0, 10),
    members: members.map((m) => ({
      nik: m.nik === nik ? m.nik : maskNik(m.nik),
      nama: m.nama,
      relationship: m.hubunganKeluarga,
      sex: m.jenisKelamin,
      bornOn: m.tanggalLahir.toISOString().slice(0, 10),
      deceased: m.tanggalMeninggal !== null,
      self: m.nik === nik,
    })),
  };
}
