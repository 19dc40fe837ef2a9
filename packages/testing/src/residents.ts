import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Db } from "@ktp/db";
import { cropFace, groupPhoto, SAMPLE1_FACES } from "./sample-photos.ts";
import type { SoftPasskey } from "./soft-passkey.ts";

// Residents of the mock SIAK for tests: each test makes its own, with random NIKs, and removes
// them when it is done, so runs and parallel workers never share state.

const VILLAGE = { provinsi: "64", kabupaten: "64.72", kecamatan: "64.72.05", desa: "64.72.05.1002" };

export interface ResidentOptions {
  nama?: string;
  tanggalLahir?: Date;
  tanggalMeninggal?: Date | null;
  ektpDirekamPada?: Date | null;
  statusPerkawinan?: "BELUM_KAWIN" | "KAWIN" | "CERAI_HIDUP" | "CERAI_MATI";
}

/**
 * Inserts one resident (and the household and village rows it needs) in Samarinda Utara, with a
 * random NIK serial and KK number, retried on the rare collision, so parallel tests never clash.
 */
export async function createResident(db: Db, options: ResidentOptions = {}) {
  await db.provinsi.upsert({ where: { kode: VILLAGE.provinsi }, update: {}, create: { kode: VILLAGE.provinsi, nama: "Kalimantan Timur" } });
  await db.kabupaten.upsert({ where: { kode: VILLAGE.kabupaten }, update: {}, create: { kode: VILLAGE.kabupaten, provinsiKode: VILLAGE.provinsi, nama: "Kota Samarinda" } });
  await db.kecamatan.upsert({ where: { kode: VILLAGE.kecamatan }, update: {}, create: { kode: VILLAGE.kecamatan, kabupatenKode: VILLAGE.kabupaten, nama: "Samarinda Utara" } });
  await db.desa.upsert({ where: { kode: VILLAGE.desa }, update: {}, create: { kode: VILLAGE.desa, kecamatanKode: VILLAGE.kecamatan, nama: "Sempaja Selatan" } });

  const tanggalLahir = options.tanggalLahir ?? new Date(Date.UTC(1990, 0, 15));
  const ddmmyy = [tanggalLahir.getUTCDate(), tanggalLahir.getUTCMonth() + 1, tanggalLahir.getUTCFullYear() % 100].map((n) => String(n).padStart(2, "0")).join("");
  for (let attempt = 1; ; attempt++) {
    const nik = `647205${ddmmyy}${String(randomInt(1, 10_000)).padStart(4, "0")}`;
    const noKk = `6472050101${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
    const taken = (await db.penduduk.count({ where: { nik } })) + (await db.keluarga.count({ where: { noKk } }));
    if (taken && attempt < 20) continue;
    return db.$transaction(async (tx) => {
      await tx.keluarga.create({
        data: { noKk, alamat: "JL. PM NOOR NO. 1", rt: "001", rw: "001", desaKode: VILLAGE.desa, kodePos: "75119", diterbitkanPada: new Date(Date.UTC(2020, 0, 2)) },
      });
      return tx.penduduk.create({
        data: {
          nik,
          noKk,
          hubunganKeluarga: "KEPALA_KELUARGA",
          nama: options.nama ?? "UJI COBA WARGA",
          tempatLahir: "SAMARINDA",
          tanggalLahir,
          jenisKelamin: "LAKI_LAKI",
          golonganDarah: "O",
          alamat: "JL. PM NOOR NO. 1",
          rt: "001",
          rw: "001",
          desaKode: VILLAGE.desa,
          agama: "ISLAM",
          statusPerkawinan: options.statusPerkawinan ?? "BELUM_KAWIN",
          pekerjaan: "KARYAWAN SWASTA",
          tanggalMeninggal: options.tanggalMeninggal ?? null,
          ektpDirekamPada: options.ektpDirekamPada === undefined ? new Date(Date.UTC(2012, 4, 1)) : options.ektpDirekamPada,
        },
      });
    });
  }
}

/** What an activated citizen's account holds beyond the resident: the PIN's hash and a working passkey (`@ktp/testing/soft-passkey`). */
export interface ActivatedAccount {
  pinHash?: string;
  passkey?: Pick<SoftPasskey, "credentialId" | "publicKey" | "deviceKey">;
}

/**
 * A resident whose KTP Digital is active (registration ACTIVE, a device bound), as if they had
 * gone through activation: for tests of what comes after it (the identity QR, verification).
 */

export async function createActivatedCitizen(db: Db, options: ResidentOptions = {}, account: ActivatedAccount = {}) {
  const resident = await createResident(db, options);
  const serial = randomBytes(8).toString("hex");
  const registration = await db.registration.create({
    data: {
      nik: resident.nik,
      email: `warga.${serial}@contoh.id`,
      phone: `+62812${String(randomInt(0, 1e8)).padStart(8, "0")}`,
      step: "ACTIVE",
      resumeTokenHash: randomBytes(32).toString("hex"),
      pinHash: account.pinHash ?? null,
      device: {
        create: {
          credentialId: account.passkey?.credentialId ?? `cred-${serial}`,
          publicKey: account.passkey?.publicKey ?? new Uint8Array(32),
          backupEligible: false,
          backedUp: false,
          deviceKey: account.passkey?.deviceKey ?? { kty: "EC", crv: "P-256", x: "x", y: "y" },
        },
      },
    },
  });
  return { resident, registration };
}

const crops: Partial<Record<0 | 1 | 2, Promise<Buffer>>> = {};

/**
 * Gives `nik` an e-KTP photo: face `face` of the group photo (the fake camera shows face 2).
 * Each crop is made once per process.
 */
export async function addEktpPhoto(db: Db, nik: string, face: 0 | 1 | 2 = 2) {
  const gambar = new Uint8Array(await (crops[face] ??= cropFace(groupPhoto(1), SAMPLE1_FACES[face])));
  await db.fotoEktp.create({ data: { nik, gambar, mime: "image/jpeg", diambilPada: new Date() } });
}

/**
 * A citizen-app session for `registrationId`, as if passkey and PIN had just been checked
 * (the database keeps only the token's SHA-256): the cookie that opens it.
 */
export async function createCitizenSession(db: Db, registrationId: string, { minutes = 30 } = {}) {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.citizenSession.create({
    data: { tokenHash: createHash("sha256").update(token).digest("hex"), registrationId, passkeyVerifiedAt: now, pinVerifiedAt: now, expiresAt: new Date(now.getTime() + minutes * 60_000) },
  });
  return { name: "ktp_sesi", value: token };
}

export interface FamilyMemberOptions {
  nama: string;
  hubunganKeluarga: "SUAMI" | "ISTRI" | "ANAK" | "MENANTU" | "CUCU" | "ORANG_TUA" | "MERTUA" | "FAMILI_LAIN" | "LAINNYA";
  jenisKelamin?: "LAKI_LAKI" | "PEREMPUAN";
  tanggalLahir: Date;
  tanggalMeninggal?: Date | null;
}

/** Adds a member to the household `noKk` (made by createResident), with a NIK of their own. */
export async function addFamilyMember(db: Db, noKk: string, { nama, hubunganKeluarga, jenisKelamin = "PEREMPUAN", tanggalLahir, tanggalMeninggal = null }: FamilyMemberOptions) {
  const day = tanggalLahir.getUTCDate() + (jenisKelamin === "PEREMPUAN" ? 40 : 0);
  const ddmmyy = [day, tanggalLahir.getUTCMonth() + 1, tanggalLahir.getUTCFullYear() % 100].map((n) => String(n).padStart(2, "0")).join("");
  for (let attempt = 1; ; attempt++) {
    const nik = `647205${ddmmyy}${String(randomInt(1, 10_000)).padStart(4, "0")}`;
    if ((await db.penduduk.count({ where: { nik } })) && attempt < 20) continue;
    return db.penduduk.create({
      data: {
        nik,
        noKk,
        hubunganKeluarga,
        nama,
        tempatLahir: "SAMARINDA",
        tanggalLahir,
        jenisKelamin,
        golonganDarah: "TIDAK_TAHU",
        alamat: "JL. PM NOOR NO. 1",
        rt: "001",
        rw: "001",
        desaKode: VILLAGE.desa,
        agama: "ISLAM",
        statusPerkawinan: hubunganKeluarga === "ISTRI" || hubunganKeluarga === "SUAMI" ? "KAWIN" : "BELUM_KAWIN",
        pekerjaan: "PELAJAR/MAHASISWA",
        tanggalMeninggal,
        ektpDirekamPada: null,
      },
    });
  }
}

/** Removes a resident made by createResident, with their registrations and their whole household. */
export async function deleteResident(db: Db, { nik, noKk }: { nik: string; noKk: string }) {
  const household = await db.penduduk.findMany({ where: { noKk }, select: { nik: true } });
  await db.registration.deleteMany({ where: { nik: { in: [nik, ...household.map((m) => m.nik)] } } });
  await db.penduduk.deleteMany({ where: { noKk } });
  await db.keluarga.delete({ where: { noKk } });
}
