import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/models.ts";

export interface CreateDbOptions {
  url: string;
  /** Connections in this process's pool. */
  maxConnections?: number;
}

// The pool behind each client. Keyed by a registered symbol because a Next.js server holds two
// copies of this module (its bundle's and the direct routes'), which share one client.
const POOL = Symbol.for("ktp.db.pool");

/** The one Prisma client shape used everywhere: pg adapter, heavy and secret columns left out by default. */
export function createDb({ url, maxConnections = 10 }: CreateDbOptions) {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle connection that dies with PostgreSQL is dropped and replaced, never an uncaught error.
  pool.on("error", () => {});
  const db = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Secrets and large photos are read only where a use-case selects them explicitly.
    omit: { fotoEktp: { gambar: true }, registration: { pinHash: true, selfieEncrypted: true } },
  });
  Object.defineProperty(db, POOL, { value: pool });
  return db;
}

export type Db = ReturnType<typeof createDb>;

export interface PreparedStatement {
  /** Unique per text: PostgreSQL keeps the plan per connection under this name. */
  name: string;
  text: string;
}

/**
 * Rows of one named prepared statement, run on the client's own pool without Prisma's query
 * layer (decision 018). Only for reads on a machine-facing hot path, where Prisma's per-query
 * cost is most of the request (the NIK check); everything else goes through Prisma.
 */
export async function preparedRows<Row>(db: Db, { name, text }: PreparedStatement, values: unknown[]): Promise<Row[]> {
  const pool = (db as unknown as { [POOL]?: pg.Pool })[POOL];
  if (!pool) throw new Error("preparedRows needs a client made by createDb.");
  return (await pool.query<Row & pg.QueryResultRow>({ name, text, values })).rows;
}
