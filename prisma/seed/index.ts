// Seeds the mock SIAK Terpusat with a synthetic population.
//   npm run db:seed -- [--residents 10000] [--seed 20231030] [--if-empty]
// --if-empty leaves a database that already has residents untouched (used by `npm start`).
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { todayInJakarta } from "@ktp/core/universal/calendar";
import { useDatabase } from "@ktp/db/embedded";
import { migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "@ktp/db/migrate";
import { cropFace, groupPhoto, SAMPLE1_FACES } from "@ktp/testing/sample-photos";
import { insertDemoOfficers } from "./demo-officers.ts";
import { insertDemoVerifiers } from "./demo-verifiers.ts";
import { DEMO_PHOTOS, type DemoResident, writeDemoResidents } from "./demo-residents.ts";
import { PopulationGenerator, TABLE_COLUMNS, type Table } from "./population.ts";
import { Random } from "./random.ts";
import { loadWilayah, readVillages } from "./wilayah.ts";

export interface SeedResult {
  residents: number;
  households: number;
  rows: Record<Table, number>;
  demo: DemoResident[];
  ms: number;
  /** Of ms: building rows in memory, and loading them with COPY. */
  generateMs: number;
  copyMs: number;
}

/** Replaces the population in `siak` (wilayah is loaded once and kept); `demoOfficers` also adds the demo counters and officers. */
export async function seedPopulation({ url, residents, seed = 20231030, demoOfficers = false }: { url: string; residents: number; seed?: number; demoOfficers?: boolean }): Promise<SeedResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("TRUNCATE siak.keluarga, siak.penduduk, siak.foto_ektp, siak.npwp, siak.bpjs_kesehatan, siak.vaksin_covid, siak.kendaraan, siak.pegawai_bkn, siak.dpt");
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM siak.provinsi");
    if (rows[0]!.n === 0) await loadWilayah(client);
  } finally {
    await client.end();
  }

  const buffers = new TableBuffers();
  const villages = readVillages();
  const generator = new PopulationGenerator(new Random(seed), villages, todayInJakarta(), (table, line) => buffers.add(table, line));
  const demo = writeDemoResidents(generator, villages);
  let count = buffers.count.penduduk;
  let households = buffers.count.keluarga;
  while (count < residents) {
    count += generator.household();
    households++;
  }

  const generated = performance.now();
  // Parents before children: foreign keys are checked row by row during COPY.
  await copyTables(url, buffers, ["keluarga"]);
  await copyTables(url, buffers, ["penduduk"]);
  await copyTables(url, buffers, ["npwp", "bpjs", "vaksin", "kendaraan", "bkn", "dpt"]);
  const finishing = new pg.Client({ connectionString: url });
  await finishing.connect();
  try {
    await insertDemoPhotos(finishing);
    if (demoOfficers) {
      await insertDemoOfficers(finishing);
      await insertDemoVerifiers(finishing);
    }
    await finishing.query("ANALYZE siak.keluarga, siak.penduduk");
  } finally {
    await finishing.end();
  }
  const done = performance.now();
  return {
    residents: count,
    households,
    rows: buffers.count,
    demo,
    ms: done - started,
    generateMs: generated - started,
    copyMs: done - generated,
  };
}

async function insertDemoPhotos(client: pg.Client) {
  for (const [nik, face] of Object.entries(DEMO_PHOTOS)) {
    const photo = await cropFace(groupPhoto(1), SAMPLE1_FACES[face]);
    await client.query("INSERT INTO siak.foto_ektp (nik, gambar, mime, diambil_pada) SELECT nik, $2, 'image/jpeg', ektp_direkam_pada FROM siak.penduduk WHERE nik = $1", [nik, photo]);
  }
}

/** Rows kept as ~1 MB strings per table until they are copied. */
class TableBuffers {
  readonly chunks = new Map<Table, string[]>();
  readonly count = Object.fromEntries(Object.keys(TABLE_COLUMNS).map((t) => [t, 0])) as Record<Table, number>;
  private readonly current = new Map<Table, string>();

  add(table: Table, line: string) {
    this.count[table]++;
    const text = (this.current.get(table) ?? "") + line;
    if (text.length < 1 << 20) return void this.current.set(table, text);
    this.list(table).push(text);
    this.current.set(table, "");
  }

  /** All rows of `table`, including the unfinished chunk. */
  take(table: Table): string[] {
    const list = this.list(table);
    const rest = this.current.get(table);
    if (rest) list.push(rest);
    this.current.set(table, "");
    return list;
  }

  private list(table: Table): string[] {
    let list = this.chunks.get(table);
    if (!list) this.chunks.set(table, (list = []));
    return list;
  }
}

async function copyTables(url: string, buffers: TableBuffers, tables: Table[]) {
  await Promise.all(
    tables.map(async (table) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("SET synchronous_commit = off");
        const stream = client.query(copyFrom(`COPY ${TABLE_COLUMNS[table]} FROM STDIN`));
        const done = new Promise<void>((resolve, reject) => {
          stream.on("finish", resolve);
          stream.on("error", reject);
        });
        for (const chunk of buffers.take(table)) {
          if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
        }
        stream.end();
        await done;
        buffers.chunks.delete(table);
      } finally {
        await client.end();
      }
    }),
  );
}

async function main() {
  const { values } = parseArgs({
    options: { residents: { type: "string", default: "10000" }, seed: { type: "string" }, "if-empty": { type: "boolean", default: false }, demo: { type: "boolean", default: false } },
  });
  const residents = Number(values.residents);
  if (!Number.isInteger(residents) || residents < 10) throw new Error("--residents must be a whole number of at least 10.");
  const db = await useDatabase();
  try {
    await migrateDatabase({ url: db.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
    if (values["if-empty"] && (await hasResidents(db.url))) return console.log("SIAK already has residents; not seeding.");
    const result = await seedPopulation({ url: db.url, residents, seed: values.seed ? Number(values.seed) : undefined, demoOfficers: values.demo });
    console.log(`Seeded ${result.residents.toLocaleString("en")} residents in ${result.households.toLocaleString("en")} households in ${(result.ms / 1000).toFixed(1)} s.`);
    console.log(JSON.stringify(result.rows));
  } finally {
    await db.stop();
  }
}

export async function hasResidents(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 FROM siak.penduduk LIMIT 1")).rowCount! > 0;
  } finally {
    await client.end();
  }
}

if (import.meta.filename === process.argv[1]) {
  await main();
  // The WASM schema engine (migrations) leaves a 10-second timer behind; nothing else is pending.
  process.exit();
}
