-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "siak";

-- CreateEnum
CREATE TYPE "siak"."jenis_kelamin" AS ENUM ('LAKI_LAKI', 'PEREMPUAN');

-- CreateEnum
CREATE TYPE "siak"."golongan_darah" AS ENUM ('A', 'B', 'AB', 'O', 'TIDAK_TAHU');

-- CreateEnum
CREATE TYPE "siak"."agama" AS ENUM ('ISLAM', 'KRISTEN', 'KATOLIK', 'HINDU', 'BUDDHA', 'KONGHUCU', 'KEPERCAYAAN');

-- CreateEnum
CREATE TYPE "siak"."status_perkawinan" AS ENUM ('BELUM_KAWIN', 'KAWIN', 'CERAI_HIDUP', 'CERAI_MATI');

-- CreateEnum
CREATE TYPE "siak"."kewarganegaraan" AS ENUM ('WNI', 'WNA');

-- CreateEnum
CREATE TYPE "siak"."hubungan_keluarga" AS ENUM ('KEPALA_KELUARGA', 'SUAMI', 'ISTRI', 'ANAK', 'MENANTU', 'CUCU', 'ORANG_TUA', 'MERTUA', 'FAMILI_LAIN', 'LAINNYA');

-- CreateEnum
CREATE TYPE "siak"."segmen_bpjs" AS ENUM ('PBI', 'PPU', 'PBPU', 'BP');

-- CreateEnum
CREATE TYPE "siak"."jenis_kendaraan" AS ENUM ('SEPEDA_MOTOR', 'MOBIL_PENUMPANG', 'MOBIL_BARANG');

-- CreateTable
CREATE TABLE "siak"."provinsi" (
    "kode" CHAR(2) NOT NULL,
    "nama" VARCHAR(100) NOT NULL,

    CONSTRAINT "provinsi_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "siak"."kabupaten" (
    "kode" CHAR(5) NOT NULL,
    "provinsi_kode" CHAR(2) NOT NULL,
    "nama" VARCHAR(100) NOT NULL,

    CONSTRAINT "kabupaten_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "siak"."kecamatan" (
    "kode" CHAR(8) NOT NULL,
    "kabupaten_kode" CHAR(5) NOT NULL,
    "nama" VARCHAR(100) NOT NULL,

    CONSTRAINT "kecamatan_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "siak"."desa" (
    "kode" VARCHAR(13) NOT NULL,
    "kecamatan_kode" CHAR(8) NOT NULL,
    "nama" VARCHAR(100) NOT NULL,

    CONSTRAINT "desa_pkey" PRIMARY KEY ("kode")
);

-- CreateTable
CREATE TABLE "siak"."keluarga" (
    "no_kk" CHAR(16) NOT NULL,
    "alamat" VARCHAR(200) NOT NULL,
    "rt" CHAR(3) NOT NULL,
    "rw" CHAR(3) NOT NULL,
    "desa_kode" VARCHAR(13) NOT NULL,
    "kode_pos" CHAR(5) NOT NULL,
    "diterbitkan_pada" DATE NOT NULL,

    CONSTRAINT "keluarga_pkey" PRIMARY KEY ("no_kk")
);

-- CreateTable
CREATE TABLE "siak"."penduduk" (
    "nik" CHAR(16) NOT NULL,
    "no_kk" CHAR(16) NOT NULL,
    "hubungan_keluarga" "siak"."hubungan_keluarga" NOT NULL,
    "nama" VARCHAR(100) NOT NULL,
    "tempat_lahir" VARCHAR(100) NOT NULL,
    "tanggal_lahir" DATE NOT NULL,
    "jenis_kelamin" "siak"."jenis_kelamin" NOT NULL,
    "golongan_darah" "siak"."golongan_darah" NOT NULL,
    "alamat" VARCHAR(200) NOT NULL,
    "rt" CHAR(3) NOT NULL,
    "rw" CHAR(3) NOT NULL,
    "desa_kode" VARCHAR(13) NOT NULL,
    "agama" "siak"."agama" NOT NULL,
    "status_perkawinan" "siak"."status_perkawinan" NOT NULL,
    "pekerjaan" VARCHAR(100) NOT NULL,
    "kewarganegaraan" "siak"."kewarganegaraan" NOT NULL DEFAULT 'WNI',
    "tanggal_meninggal" DATE,
    "ektp_direkam_pada" DATE,
    "nama_ayah" VARCHAR(100),
    "nama_ibu" VARCHAR(100),

    CONSTRAINT "penduduk_pkey" PRIMARY KEY ("nik")
);

-- CreateTable
CREATE TABLE "siak"."foto_ektp" (
    "nik" CHAR(16) NOT NULL,
    "gambar" BYTEA NOT NULL,
    "mime" VARCHAR(40) NOT NULL,
    "diambil_pada" DATE NOT NULL,

    CONSTRAINT "foto_ektp_pkey" PRIMARY KEY ("nik")
);

-- CreateTable
CREATE TABLE "siak"."npwp" (
    "nik" CHAR(16) NOT NULL,
    "nomor" CHAR(15) NOT NULL,
    "kpp" VARCHAR(100) NOT NULL,
    "terdaftar_pada" DATE NOT NULL,

    CONSTRAINT "npwp_pkey" PRIMARY KEY ("nik")
);

-- CreateTable
CREATE TABLE "siak"."bpjs_kesehatan" (
    "nik" CHAR(16) NOT NULL,
    "no_kartu" CHAR(13) NOT NULL,
    "segmen" "siak"."segmen_bpjs" NOT NULL,
    "kelas" SMALLINT NOT NULL,
    "faskes" VARCHAR(120) NOT NULL,
    "aktif" BOOLEAN NOT NULL,

    CONSTRAINT "bpjs_kesehatan_pkey" PRIMARY KEY ("nik")
);

-- CreateTable
CREATE TABLE "siak"."vaksin_covid" (
    "nik" CHAR(16) NOT NULL,
    "dosis" SMALLINT NOT NULL,
    "vaksin" VARCHAR(40) NOT NULL,
    "tanggal" DATE NOT NULL,
    "lokasi" VARCHAR(120) NOT NULL,

    CONSTRAINT "vaksin_covid_pkey" PRIMARY KEY ("nik","dosis")
);

-- CreateTable
CREATE TABLE "siak"."kendaraan" (
    "nomor_polisi" VARCHAR(12) NOT NULL,
    "nik" CHAR(16) NOT NULL,
    "jenis" "siak"."jenis_kendaraan" NOT NULL,
    "merek" VARCHAR(40) NOT NULL,
    "tahun_pembuatan" SMALLINT NOT NULL,
    "warna" VARCHAR(20) NOT NULL,
    "stnk_berlaku_sampai" DATE NOT NULL,

    CONSTRAINT "kendaraan_pkey" PRIMARY KEY ("nomor_polisi")
);

-- CreateTable
CREATE TABLE "siak"."pegawai_bkn" (
    "nik" CHAR(16) NOT NULL,
    "nip" CHAR(18) NOT NULL,
    "instansi" VARCHAR(120) NOT NULL,
    "jabatan" VARCHAR(120) NOT NULL,
    "golongan" VARCHAR(6) NOT NULL,
    "tmt_cpns" DATE NOT NULL,

    CONSTRAINT "pegawai_bkn_pkey" PRIMARY KEY ("nik")
);

-- CreateTable
CREATE TABLE "siak"."dpt" (
    "nik" CHAR(16) NOT NULL,
    "pemilu" VARCHAR(40) NOT NULL,
    "tps" VARCHAR(8) NOT NULL,
    "desa_kode" VARCHAR(13) NOT NULL,

    CONSTRAINT "dpt_pkey" PRIMARY KEY ("nik")
);

-- CreateIndex
CREATE INDEX "kabupaten_provinsi_kode_idx" ON "siak"."kabupaten"("provinsi_kode");

-- CreateIndex
CREATE INDEX "kecamatan_kabupaten_kode_idx" ON "siak"."kecamatan"("kabupaten_kode");

-- CreateIndex
CREATE INDEX "desa_kecamatan_kode_idx" ON "siak"."desa"("kecamatan_kode");

-- CreateIndex
CREATE INDEX "keluarga_desa_kode_idx" ON "siak"."keluarga"("desa_kode");

-- CreateIndex
CREATE INDEX "penduduk_no_kk_idx" ON "siak"."penduduk"("no_kk");

-- CreateIndex
CREATE UNIQUE INDEX "penduduk_satu_kepala_per_kk" ON "siak"."penduduk"("no_kk") WHERE (hubungan_keluarga = 'KEPALA_KELUARGA');

-- CreateIndex
CREATE UNIQUE INDEX "npwp_nomor_key" ON "siak"."npwp"("nomor");

-- CreateIndex
CREATE UNIQUE INDEX "bpjs_kesehatan_no_kartu_key" ON "siak"."bpjs_kesehatan"("no_kartu");

-- CreateIndex
CREATE INDEX "kendaraan_nik_idx" ON "siak"."kendaraan"("nik");

-- CreateIndex
CREATE UNIQUE INDEX "pegawai_bkn_nip_key" ON "siak"."pegawai_bkn"("nip");

-- AddForeignKey
ALTER TABLE "siak"."kabupaten" ADD CONSTRAINT "kabupaten_provinsi_kode_fkey" FOREIGN KEY ("provinsi_kode") REFERENCES "siak"."provinsi"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."kecamatan" ADD CONSTRAINT "kecamatan_kabupaten_kode_fkey" FOREIGN KEY ("kabupaten_kode") REFERENCES "siak"."kabupaten"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."desa" ADD CONSTRAINT "desa_kecamatan_kode_fkey" FOREIGN KEY ("kecamatan_kode") REFERENCES "siak"."kecamatan"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."keluarga" ADD CONSTRAINT "keluarga_desa_kode_fkey" FOREIGN KEY ("desa_kode") REFERENCES "siak"."desa"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."penduduk" ADD CONSTRAINT "penduduk_no_kk_fkey" FOREIGN KEY ("no_kk") REFERENCES "siak"."keluarga"("no_kk") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."penduduk" ADD CONSTRAINT "penduduk_desa_kode_fkey" FOREIGN KEY ("desa_kode") REFERENCES "siak"."desa"("kode") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."foto_ektp" ADD CONSTRAINT "foto_ektp_nik_fkey" FOREIGN KEY ("nik") REFERENCES "siak"."penduduk"("nik") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."npwp" ADD CONSTRAINT "npwp_nik_fkey" FOREIGN KEY ("nik") REFERENCES "siak"."penduduk"("nik") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."bpjs_kesehatan" ADD CONSTRAINT "bpjs_kesehatan_nik_fkey" FOREIGN KEY ("nik") REFERENCES "siak"."penduduk"("nik") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."vaksin_covid" ADD CONSTRAINT "vaksin_covid_nik_fkey" FOREIGN KEY ("nik") REFERENCES "siak"."penduduk"("nik") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."kendaraan" ADD CONSTRAINT "kendaraan_nik_fkey" FOREIGN KEY ("nik") REFERENCES "siak"."penduduk"("nik") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."pegawai_bkn" ADD CONSTRAINT "pegawai_bkn_nik_fkey" FOREIGN KEY ("nik") REFERENCES "siak"."penduduk"("nik") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siak"."dpt" ADD CONSTRAINT "dpt_nik_fkey" FOREIGN KEY ("nik") REFERENCES "siak"."penduduk"("nik") ON DELETE CASCADE ON UPDATE CASCADE;
