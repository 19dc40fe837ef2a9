import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIsoDate, fromUtcDate } from "@ktp/core/universal/calendar";
import { parseNik } from "@ktp/core/universal/nik";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { DEMO_PHOTOS, DEMO_RESIDENTS } from "./demo-residents.ts";
import { seedPopulation, type SeedResult } from "./index.ts";

describe("seedPopulation", () => {
  let test: TestDatabase;
  let result: SeedResult;
  let client: pg.Client;
  const rows = async (sql: string) => (await client.query(sql)).rows;

  beforeAll(async () => {
    test = await createTestDatabase();
    result = await seedPopulation({ url: test.url, residents: 3000, seed: 7 });
    client = new pg.Client({ connectionString: test.url });
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client.end();
    await test.drop();
  });

  it("creates at least the requested number of residents, with the demo residents", async () => {
    expect(result.residents).toBeGreaterThanOrEqual(3000);
    const [{ n }] = await rows("SELECT count(*)::int AS n FROM siak.penduduk");
    expect(n).toBe(result.residents);
    const demo = await rows(`SELECT nama FROM siak.penduduk WHERE nik IN (${result.demo.map((d) => `'${d.nik}'`).join(",")})`);
    expect(demo.map((d) => d.nama).sort()).toEqual(result.demo.map((d) => d.nama).sort());
  });

  it("writes exactly the demo residents the README lists", () => {
    const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Demo residents"), readme.indexOf("\n## ", readme.indexOf("## Demo residents") + 1));
    const listed = [...section.matchAll(/^\| (\d{16}) \| ([^|]+?) \| ([^|]+?) \|$/gm)].map(([, nik, nama, expect]) => ({ nik, nama, expect }));
    expect(listed.length).toBeGreaterThan(0);
    expect(result.demo).toEqual(listed);
    expect(DEMO_RESIDENTS).toEqual(listed);
  });

  it("gives the demo residents with stand-in photos an e-KTP photo", async () => {
    const photos = await rows("SELECT nik, mime, octet_length(gambar) AS bytes FROM siak.foto_ektp ORDER BY nik");
    expect(photos.map((p) => p.nik).sort()).toEqual(Object.keys(DEMO_PHOTOS).sort());
    for (const p of photos) expect(p.bytes).toBeGreaterThan(10_000);
  });

  it("gives every resident a valid NIK that encodes their district, sex and birth date", async () => {
    for (const p of await rows("SELECT nik, desa_kode, jenis_kelamin, tanggal_lahir FROM siak.penduduk")) {
      const parsed = parseNik(p.nik);
      expect(parsed.sex).toBe(p.jenis_kelamin);
      expect(parsed.districtCode).toBe(p.desa_kode.slice(0, 8).replaceAll(".", ""));
      expect(formatIsoDate(parsed.birthDate)).toBe(formatIsoDate(fromUtcDate(p.tanggal_lahir)));
    }
  });

  it("makes coherent households: one head each, children born after their mother turned 19", async () => {
    const [{ n: withoutHead }] = await rows(`
      SELECT count(*)::int AS n FROM siak.keluarga k
      WHERE (SELECT count(*) FROM siak.penduduk p WHERE p.no_kk = k.no_kk AND p.hubungan_keluarga = 'KEPALA_KELUARGA') <> 1`);
    expect(withoutHead).toBe(0);
    const [{ n: badChildren }] = await rows(`
      SELECT count(*)::int AS n FROM siak.penduduk c
      JOIN siak.penduduk m ON m.no_kk = c.no_kk AND m.hubungan_keluarga IN ('ISTRI', 'KEPALA_KELUARGA') AND m.jenis_kelamin = 'PEREMPUAN'
      WHERE c.hubungan_keluarga = 'ANAK' AND c.tanggal_lahir < m.tanggal_lahir + interval '19 years'`);
    expect(badChildren).toBe(0);
  });

  it("includes under-17s, deceased residents and residents without an e-KTP, and no e-KTP for children", async () => {
    const [stats] = await rows(`
      SELECT count(*) FILTER (WHERE tanggal_lahir > current_date - interval '17 years')::int AS minors,
             count(*) FILTER (WHERE tanggal_meninggal IS NOT NULL)::int AS deceased,
             count(*) FILTER (WHERE ektp_direkam_pada IS NULL AND tanggal_lahir <= current_date - interval '17 years')::int AS adults_without_ektp,
             count(*) FILTER (WHERE ektp_direkam_pada < tanggal_lahir + interval '17 years')::int AS early_ektp
      FROM siak.penduduk`);
    expect(stats.minors).toBeGreaterThan(100);
    expect(stats.deceased).toBeGreaterThan(0);
    expect(stats.adults_without_ektp).toBeGreaterThan(0);
    expect(stats.early_ektp).toBe(0);
  });

  it("ties documents to a plausible share of residents", async () => {
    const share = (table: string) => result.rows[table as keyof SeedResult["rows"]] / result.residents;
    expect(share("npwp")).toBeGreaterThan(0.1);
    expect(share("bpjs")).toBeGreaterThan(0.5);
    expect(share("dpt")).toBeGreaterThan(0.4);
    expect(result.rows.bkn).toBeGreaterThan(0);
    expect(result.rows.kendaraan).toBeGreaterThan(0);
  });

  it("is deterministic for a seed", async () => {
    const again = await createTestDatabase();
    try {
      const second = await seedPopulation({ url: again.url, residents: 3000, seed: 7 });
      expect(second.rows).toEqual(result.rows);
      expect(second.demo).toEqual(result.demo);
    } finally {
      await again.drop();
    }
  }, 120_000);
});
