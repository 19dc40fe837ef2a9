import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "./index.ts";
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
let serial = 0;

export interface ResidentOverrides {
  nik?: string;
  nama?: string;
  tanggalLahir?: Date;
  tanggalMeninggal?: Date | null;
  ektpDirekamPada?: Date | null;
}

/** Inserts one resident (and the household and village rows it needs) in Samarinda Utara. */
export async function createResident(db: Db, overrides: ResidentOverrides = {}) {
  await db.provinsi.upsert({ where: { kode: VILLAGE.provinsi }, update: {}, create: { kode: VILLAGE.provinsi, nama: "Kalimantan Timur" } });
  await db.kabupaten.upsert({ where: { kode: VILLAGE.kabupaten }, update: {}, create: { kode: VILLAGE.kabupaten, provinsiKode: VILLAGE.provinsi, nama: "Kota Samarinda" } });
  await db.kecamatan.upsert({ where: { kode: VILLAGE.kecamatan }, update: {}, create: { kode: VILLAGE.kecamatan, kabupatenKode: VILLAGE.kabupaten, nama: "Samarinda Utara" } });
  await db.desa.upsert({ where: { kode: VILLAGE.desa }, update: {}, create: { kode: VILLAGE.desa, kecamatanKode: VILLAGE.kecamatan, nama: "Sempaja Selatan" } });

  const tanggalLahir = overrides.tanggalLahir ?? new Date(Date.UTC(1990, 0, 15));
  const n = ++serial + process.pid % 1000 * 10;
  const dd = String(tanggalLahir.getUTCDate()).padStart(2, "0");
  const mm = String(tanggalLahir.getUTCMonth() + 1).padStart(2, "0");
  const yy = String(tanggalLahir.getUTCFullYear() % 100).padStart(2, "0");
  const nik = overrides.nik ?? `647205${dd}${mm}${yy}${String(n % 9999 + 1).padStart(4, "0")}`;
  const noKk = `6472050101${String(n).padStart(6, "0")}`.slice(0, 10) + String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
  await db.keluarga.create({
    data: { noKk, alamat: "JL. PM NOOR NO. 1", rt: "001", rw: "001", desaKode: VILLAGE.desa, kodePos: "75119", diterbitkanPada: new Date(Date.UTC(2020, 0, 2)) },
  });
  return db.penduduk.create({
    data: {
      nik,
      noKk,
      hubunganKeluarga: "KEPALA_KELUARGA",
      nama: overrides.nama ?? "UJI COBA WARGA",
      tempatLahir: "SAMARINDA",
      tanggalLahir,
      jenisKelamin: "LAKI_LAKI",
      golonganDarah: "O",
      alamat: "JL. PM NOOR NO. 1",
      rt: "001",
      rw: "001",
      desaKode: VILLAGE.desa,
      agama: "ISLAM",
      statusPerkawinan: "BELUM_KAWIN",
      pekerjaan: "KARYAWAN SWASTA",
      tanggalMeninggal: overrides.tanggalMeninggal ?? null,
      ektpDirekamPada: overrides.ektpDirekamPada === undefined ? new Date(Date.UTC(2012, 4, 1)) : overrides.ektpDirekamPada,
    },
  });
}
