import { randomBytes, randomInt } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createDb, type Db, type OfficerRole } from "./index.ts";
import { migrateDatabase } from "./migrate.ts";

// Test helpers: every test file gets its own freshly migrated database on the server that
// DATABASE_URL points at (scripts/test.ts starts one), and creates the rows it needs.

const ROOT = path.resolve(import.meta.dirname, "../../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

export function testServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run tests with `npm test`, which starts PostgreSQL.");
  return url;
}

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `ktp_t_${randomBytes(5).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  if (migrate) await migrateDatabase({ url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
  const db = createDb({ url, maxConnections: 4 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

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
  const ddmmyy = [tanggalLahir.getUTCDate(), tanggalLahir.getUTCMonth() + 1, tanggalLahir.getUTCFullYear() % 100]
    .map((n) => String(n).padStart(2, "0"))
    .join("");
  for (let attempt = 1; ; attempt++) {
    const nik = `647205${ddmmyy}${String(randomInt(1, 10_000)).padStart(4, "0")}`;
    const noKk = `6472050101${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
    const taken = await db.penduduk.count({ where: { nik } }) + await db.keluarga.count({ where: { noKk } });
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

/**
 * An officer of the Samarinda Dinas (where createResident puts residents) signed in at a counter
 * there, shaped like getCounterSession's answer. `kabupatenKode` puts them elsewhere.
 */
export async function createCounterSession(db: Db, { kabupatenKode = "64.72", role = "COUNTER" }: { kabupatenKode?: string; role?: OfficerRole } = {}) {
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  const counter = await db.counter.create({ data: { code: `T-${suffix}`, name: `Loket Uji ${suffix}`, kabupatenKode } });
  const officer = await db.officer.create({
    data: { nip: `1987031520100${String(randomInt(0, 100_000)).padStart(5, "0")}`, nama: "PETUGAS UJI", passwordHash: "-", kabupatenKode, role },
  });
  const session = await db.counterSession.create({
    data: { officerId: officer.id, counterId: counter.id, tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 3600_000) },
  });
  return {
    id: session.id,
    officer: { id: officer.id, nip: officer.nip, nama: officer.nama, kabupatenKode, role },
    counter: { id: counter.id, code: counter.code, name: counter.name, kabupatenKode },
  };
}

/**
 * A resident whose KTP Digital is active (registration ACTIVE, a device bound), as if they had
 * gone through activation: for tests of what comes after it (the identity QR, verification).
 */
export async function createActivatedCitizen(db: Db, options: ResidentOptions = {}) {
  const resident = await createResident(db, options);
  const serial = randomBytes(8).toString("hex");
  const registration = await db.registration.create({
    data: {
      nik: resident.nik,
      email: `warga.${serial}@contoh.id`,
      phone: `+62812${String(randomInt(0, 1e8)).padStart(8, "0")}`,
      step: "ACTIVE",
      resumeTokenHash: randomBytes(32).toString("hex"),
      device: {
        create: {
          credentialId: `cred-${serial}`,
          publicKey: new Uint8Array(32),
          backupEligible: false,
          backedUp: false,
          deviceKey: { kty: "EC", crv: "P-256", x: "x", y: "y" },
        },
      },
    },
  });
  return { resident, registration };
}
