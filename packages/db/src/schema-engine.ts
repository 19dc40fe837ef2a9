import { readdirSync, readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

// Prisma 7's CLI downloads a native schema engine for `migrate`, which cannot work offline.
// Prisma ships the same engine as WebAssembly; this module drives it through the pg adapter.
// See docs/decisions/002-migrations-offline.md.

export interface SchemaEngineOptions {
  url: string;
  schemaPath: string;
  migrationsDir: string;
}

const FILTERS = { externalTables: [], externalEnums: [] };

export async function openSchemaEngine({ url, schemaPath, migrationsDir }: SchemaEngineOptions) {
  const wasmBindings = await loadWasm();
  const schemaFiles = [{ path: path.basename(schemaPath), content: readFileSync(schemaPath, "utf8") }];
  // allowExitOnIdle: the engine keeps a client checked in after applying; let short CLIs exit.
  const adapter = new PrismaPg({ connectionString: url, allowExitOnIdle: true, idleTimeoutMillis: 1000 });
  const connections: PgAdapter[] = [];
  const track = (connection: PgAdapter) => (connections.push(connection), reportCharColumns(connection));
  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    connect: async () => track(await adapter.connect()),
    connectToShadowDb: async () => track(await adapter.connectToShadowDb()),
  });
  const engine = await wasmBindings.SchemaEngine.new({ datamodels: schemaFiles.map((f) => [f.path, f.content]) }, () => {}, factory);

  const database = { tag: "schemaDatasource" as const, files: schemaFiles, configDir: path.dirname(schemaPath) };
  const datamodel = { tag: "schemaDatamodel" as const, files: schemaFiles };

  return {
    /** Applies every migration not yet recorded in `_prisma_migrations`, as `prisma migrate deploy` does. */
    async applyMigrations(): Promise<string[]> {
      const out = await engine.applyMigrations({ migrationsList: readMigrations(migrationsDir), filters: FILTERS });
      return out.appliedMigrationNames;
    },
    /** SQL that would take the live database to schema.prisma; empty when they match. */
    async diffDatabaseToSchema(): Promise<string> {
      const out = await engine.diff({ from: database, to: datamodel, script: true, exitCode: true, filters: FILTERS });
      return out.exitCode === 2 ? (out.stdout ?? "") : "";
    },
    async close() {
      engine.free();
      await Promise.all(connections.map((c) => c.dispose()));
    },
  };
}

function readMigrations(baseDir: string) {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
interface PgIO {
  fields: { dataTypeID: number }[];
  rows: unknown[][];
}
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * adapter-pg has no mapping for Postgres' one-byte `"char"` type, which the engine's catalog
 * queries read (relkind, contype...). Report those columns as Character instead of failing.
 */
function reportCharColumns(adapter: PgAdapter): PgAdapter {
  const target = adapter as unknown as {
    performIO(query: unknown): Promise<PgIO>;
    queryRaw(query: unknown): Promise<{ rows: unknown[][]; columnTypes: number[] }>;
  };
  const charColumns = new WeakMap<unknown[][], number[]>();
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields = result.fields.map((field, i) => (field.dataTypeID === PG_CHAR_OID ? (indexes.push(i), { ...field, dataTypeID: PG_TEXT_OID }) : field));
    if (indexes.length) charColumns.set(result.rows, indexes);
    return result;
  };
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

type WasmBindings = typeof import("@prisma/schema-engine-wasm");
let wasmBindings: Promise<WasmBindings> | undefined;

function loadWasm(): Promise<WasmBindings> {
  wasmBindings ??= (async () => {
    // The package's entry imports the .wasm as an ES module, which Node 20 cannot; instantiate it by hand.
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmBytes = readFileSync(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": bindings });
    (bindings as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    return bindings;
  })();
  return wasmBindings;
}
