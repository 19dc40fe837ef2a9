import "server-only";
import type { Db } from "@ktp/db";
import type { CitizenDocuments } from "../../universal/documents.ts";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The documents other agencies hold under `nik`, read in one query; null for an unknown NIK. */
export async function findDocuments({ db, nik, now = new Date() }: { db: Db; nik: string; now?: Date }): Promise<CitizenDocuments | null> {
  const p = await db.penduduk.findUnique({
    where: { nik },
    select: {
      npwp: true,
      bpjsKesehatan: true,
      vaksinCovid: { orderBy: { dosis: "asc" } },
      kendaraan: { orderBy: { nomorPolisi: "asc" } },
      pegawaiBkn: true,
      dpt: { select: { pemilu: true, tps: true, desaKode: true } },
    },
  });
  if (!p) return null;
  const village = p.dpt ? await db.desa.findUnique({ where: { kode: p.dpt.desaKode }, select: { nama: true } }) : null;
  return {
    npwp: p.npwp && { number: p.npwp.nomor, taxOffice: p.npwp.kpp, registeredOn: isoDate(p.npwp.terdaftarPada) },
    bpjs: p.bpjsKesehatan && { cardNumber: p.bpjsKesehatan.noKartu, segment: p.bpjsKesehatan.segmen, class: p.bpjsKesehatan.kelas, facility: p.bpjsKesehatan.faskes, active: p.bpjsKesehatan.aktif },
    vaccines: p.vaksinCovid.map((v) => ({ dose: v.dosis, vaccine: v.vaksin, on: isoDate(v.tanggal), place: v.lokasi })),
    vehicles: p.kendaraan.map((k) => ({ plate: k.nomorPolisi, kind: k.jenis, make: k.merek, year: k.tahunPembuatan, colour: k.warna, taxDue: isoDate(k.stnkBerlakuSampai) })),
    civilServant: p.pegawaiBkn && { nip: p.pegawaiBkn.nip, agency: p.pegawaiBkn.instansi, position: p.pegawaiBkn.jabatan, grade: p.pegawaiBkn.golongan, since: isoDate(p.pegawaiBkn.tmtCpns) },
    voter: p.dpt && { election: p.dpt.pemilu, tps: p.dpt.tps, village: village?.nama ?? p.dpt.desaKode },
    readAt: now.toISOString(),
  };
}
