import { randomInt } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@ktp/db";
import { createE2eOfficer, E2E_OFFICER_PASSWORD } from "@ktp/testing/officer";
import { addEktpPhoto, createResident, deleteResident } from "@ktp/testing/residents";
import { scriptEnv } from "../lib/env.ts";
import { cookiesOf, send } from "./client.ts";

// What both reliability specs need: the e2e database (to make residents, counters and officers,
// and to checksum every table), a registration cookie, and a signed-in officer.

/** Rows a refused request may legitimately write: the rate-limit buckets and the audit trail. */
const SKIPPED_TABLES = new Set(["app.rate_limit", "app.audit_event"]);
/** Columns a refused request may change: a signed-in officer's request keeps the session alive. */
const VOLATILE_COLUMNS: Record<string, string[]> = { "app.counter_session": ["last_seen_at"] };

export class Harness {
  readonly db: Db;
  readonly pool: pg.Pool;
  private readonly residents: { nik: string; noKk: string }[] = [];

  constructor(url = scriptEnv.databaseUrl()) {
    if (!url) throw new Error("DATABASE_URL is not set: run the reliability project through `npm run test:e2e`.");
    this.db = createDb({ url, maxConnections: 2 });
    this.pool = new pg.Pool({ connectionString: url, max: 2 });
  }

  /**
   * md5 of every row of every table in `app` and `siak`, per table, except the rate limits and
   * the audit trail (and a session's last_seen_at); `exceptRegistrations` leaves those rows out.
   * The rows of `app` tables are kept too, to show what changed.
   */
  async snapshot({ exceptRegistrations = [] as string[] } = {}): Promise<Snapshot> {
    const { rows: columns } = await this.pool.query<{ tbl: string; cols: string[] }>(`
      SELECT c.table_schema || '.' || c.table_name AS tbl, array_agg(quote_ident(c.column_name) ORDER BY c.ordinal_position) AS cols
      FROM information_schema.columns c
      JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema IN ('app', 'siak') AND t.table_type = 'BASE TABLE'
      GROUP BY 1 ORDER BY 1`);
    const tables = columns
      .filter(({ tbl }) => !SKIPPED_TABLES.has(tbl))
      .map(({ tbl, cols }) => {
        const kept = cols.filter((col) => !(VOLATILE_COLUMNS[tbl] ?? []).includes(col));
        const where = tbl === "app.registration" && exceptRegistrations.length ? ` WHERE id::text NOT IN (${exceptRegistrations.map((id) => `'${id.replace(/[^0-9a-f-]/g, "")}'`).join(", ")})` : "";
        return { tbl, rows: `SELECT t::text AS row FROM (SELECT ${kept.join(", ")} FROM ${tbl}${where}) t` };
      });
    const sums = await this.pool.query<{ tbl: string; sum: string }>(
      tables.map(({ tbl, rows }) => `SELECT '${tbl}' AS tbl, (SELECT md5(coalesce(string_agg(row, '|' ORDER BY row), '')) FROM (${rows}) r) AS sum`).join(" UNION ALL "),
    );
    const appRows: Record<string, string[]> = {};
    for (const { tbl, rows } of tables.filter((t) => t.tbl.startsWith("app."))) {
      appRows[tbl] = (await this.pool.query<{ row: string }>(rows)).rows.map((r) => r.row);
    }
    return { sums: Object.fromEntries(sums.rows.map((r) => [r.tbl, r.sum])), rows: appRows };
  }

  /** A resident of Samarinda whose e-KTP photo is face `photo` of the group photo (removed in close()). */
  async resident({ photo = 2 }: { photo?: 0 | 1 | 2 | null } = {}): Promise<{ nik: string }> {
    const resident = await createResident(this.db, { nama: "UJI KEANDALAN" });
    this.residents.push(resident);
    if (photo !== null) await addEktpPhoto(this.db, resident.nik, photo);
    return { nik: resident.nik };
  }

  /** A counter of the Dinas `kabupatenKode` (Samarinda by default). */
  async counter(kabupatenKode = "64.72"): Promise<string> {
    const code = `RL-${randomInt(1e6, 1e7)}`;
    await this.db.counter.create({ data: { code, name: `Loket Keandalan ${code}`, kabupatenKode } });
    return code;
  }

  /** An officer of the Dinas `kabupatenKode` with E2E_OFFICER_PASSWORD, and a counter of the same Dinas. */
  officer(kabupatenKode = "64.72") {
    return createE2eOfficer(this.db, { kabupatenKode, nama: "PETUGAS UJI KEANDALAN" });
  }

  async close() {
    for (const resident of this.residents) await deleteResident(this.db, resident);
    await this.db.$disconnect();
    await this.pool.end();
  }
}

/** Starts a registration over HTTP; returns its cookie. */
export async function startRegistration(nik: string, { from, tag = String(randomInt(1e8, 1e9)) }: { from?: string; tag?: string } = {}) {
  const response = await send({
    app: "citizen",
    method: "POST",
    path: "/api/registrations",
    from,
    headers: { "content-type": "application/json" },
    body: Buffer.from(JSON.stringify({ nik, email: `uji.${tag}@contoh.id`, phone: `0812${tag.slice(0, 8).padStart(8, "0")}` })),
  });
  if (response.status !== 201) throw new Error(`Starting a registration answered ${response.status}: ${response.body.toString().slice(0, 300)}`);
  return { cookie: cookiesOf(response), response };
}

/** Signs an officer in over HTTP (POST /api/session); returns the session cookie. */
export async function signInOfficer({ nip, counter }: { nip: string; counter: string }, { from }: { from?: string } = {}) {
  const response = await send({
    app: "officer",
    method: "POST",
    path: "/api/session",
    from,
    headers: { "content-type": "application/json" },
    body: Buffer.from(JSON.stringify({ nip, password: E2E_OFFICER_PASSWORD, counter })),
  });
  if (response.status !== 200) throw new Error(`Officer sign-in answered ${response.status}: ${response.body.toString().slice(0, 300)}`);
  return { cookie: cookiesOf(response), response };
}

export interface Snapshot {
  sums: Record<string, string>;
  rows: Record<string, string[]>;
}

/** Each table whose checksum differs, with a few of the rows that went and came. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  return [...new Set([...Object.keys(before.sums), ...Object.keys(after.sums)])]
    .filter((table) => before.sums[table] !== after.sums[table])
    .map((table) => {
      const was = new Set(before.rows[table] ?? []);
      const is = new Set(after.rows[table] ?? []);
      const gone = [...was]
        .filter((r) => !is.has(r))
        .slice(0, 3)
        .map((r) => `\n  - ${r.slice(0, 400)}`);
      const came = [...is]
        .filter((r) => !was.has(r))
        .slice(0, 3)
        .map((r) => `\n  + ${r.slice(0, 400)}`);
      return `${table}${gone.join("")}${came.join("")}`;
    });
}
