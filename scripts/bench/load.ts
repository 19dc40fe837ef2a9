// npm run bench:load -- [--residents 1000000] [--seconds 60]
// On a fresh PostgreSQL with the synthetic population:
//   1. NIK verification at 1 and 8 connections with the rate limiter on, then off (same run, same data);
//   2. 60 s of mixed traffic (NIK checks, registration starts, status reads, citizen sign-in
//      challenges, officer sign-ins, and one client hammering past its limit) at the highest rate
//      this machine sustains.
// Writes docs/benchmarks.md (sections verify-limited and load) and docs/benchmarks.json
// (nikVerify.c8.p99Ms, rateLimit.costUs, load.rps, load.p99Ms, load.errors).
import { randomBytes, randomInt } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { startEmbeddedDatabase } from "@ktp/db/embedded";
import { migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "@ktp/db/migrate";
import { hashPassword } from "@ktp/db/password-hash";
import { seedPopulation } from "../../prisma/seed/index.ts";
import { buildApps, startApps } from "../lib/apps.ts";
import { ROOT } from "../lib/root.ts";
import { commit, describeOtherLoad, machine, today, writeJson, writeSection } from "./report.ts";

const { values } = parseArgs({ options: { residents: { type: "string", default: "1000000" }, seconds: { type: "string", default: "60" } } });
const sharedWith = describeOtherLoad();
let database: Awaited<ReturnType<typeof startEmbeddedDatabase>>;

interface Sample {
  niks: string[];
  eligible: string[];
  officer: { nip: string; password: string; counter: string };
}

async function samplePopulation(url: string): Promise<Sample> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const niks = (await client.query<{ nik: string }>("SELECT nik FROM siak.penduduk TABLESAMPLE SYSTEM (2) LIMIT 20000")).rows.map((r) => r.nik);
    const eligible = (
      await client.query<{ nik: string }>(
        "SELECT nik FROM siak.penduduk TABLESAMPLE SYSTEM (2) WHERE tanggal_meninggal IS NULL AND ektp_direkam_pada IS NOT NULL AND tanggal_lahir < now() - interval '18 years' LIMIT 20000",
      )
    ).rows.map((r) => r.nik);
    const officer = { nip: "198001012005011001", password: "bench-password-1", counter: "BENCH-1" };
    await client.query("INSERT INTO app.counter (id, code, name, kabupaten_kode) VALUES (gen_random_uuid(), $1, 'Bench counter', '64.72')", [officer.counter]);
    await client.query("INSERT INTO app.officer (id, nip, nama, password_hash, kabupaten_kode) VALUES (gen_random_uuid(), $1, 'BENCH OFFICER', $2, '64.72')", [
      officer.nip,
      await hashPassword(officer.password),
    ]);
    return { niks, eligible, officer };
  } finally {
    await client.end();
  }
}

/** Each request comes from its own address (through a trusted proxy), as real citizens do. */
let counter = 0;
const clientAddress = () => {
  const n = counter++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

async function withApps<T>(env: NodeJS.ProcessEnv, fn: (urls: { citizen: string; officer: string }) => Promise<T>): Promise<T> {
  const apps = await startApps({
    databaseUrl: database.url,
    appSecret: randomBytes(32).toString("base64url"),
    smtpUrl: "smtp://localhost:1",
    portOffset: 300,
    log: false,
    logDir: path.join(ROOT, ".data/bench-logs"),
    env: { TRUSTED_PROXIES: "127.0.0.1,::1", ...env },
  });
  try {
    return await fn(apps.urls);
  } finally {
    await apps.stop();
  }
}

interface Latency {
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  total: number;
  failed: number;
}

const latency = (r: autocannon.Result): Latency => ({
  rps: Math.round(r.requests.average),
  p50Ms: r.latency.p50,
  p90Ms: r.latency.p90,
  p99Ms: r.latency.p99,
  meanMs: r.latency.average,
  total: r.requests.total,
  failed: r.non2xx + r.errors + r.timeouts,
});

async function measureVerify(sample: Sample, limits: "on" | "off", workers: number) {
  return withApps({ RATE_LIMITS: limits, WEB_CONCURRENCY: String(workers) }, async ({ citizen }) => {
    let i = 0;
    const shoot = (connections: number, duration: number) =>
      autocannon({
        url: `${citizen}/api/siak/v1/nik/verify`,
        connections,
        duration,
        requests: [
          {
            method: "POST",
            setupRequest: (req) => ({
              ...req,
              headers: { "content-type": "application/json", "x-forwarded-for": clientAddress() },
              body: JSON.stringify({ nik: sample.niks[i++ % sample.niks.length] }),
            }),
          },
        ],
      });
    await shoot(8, 5); // warm-up: JIT, pools, page cache
    const c1 = latency(await shoot(1, 10));
    const c8 = latency(await shoot(8, 15));
    console.log(`verify (limits ${limits}, ${workers} worker(s)): c1 mean ${c1.meanMs.toFixed(2)} ms; c8 p99 ${c8.p99Ms} ms, ${c8.rps} req/s, ${c8.failed} failed`);
    return { c1, c8 };
  });
}

interface LoadResult extends Latency {
  seconds: number;
  connections: number;
  errors: number;
  intended429: number;
  byKind: Record<string, Record<string, number>>;
}

async function measureLoad(sample: Sample, seconds: number): Promise<LoadResult> {
  return withApps({ RATE_LIMITS: "on", WEB_CONCURRENCY: "2" }, async ({ citizen, officer }) => {
    const byKind: Record<string, Record<string, number>> = {};
    const count = (kind: string) => (status: number) => {
      const kinds = (byKind[kind] ??= {});
      kinds[status] = (kinds[status] ?? 0) + 1;
    };
    let n = 0;
    const json = (kind: string, pathName: string, body: () => unknown, extra: Record<string, string> = {}) => ({
      method: "POST" as const,
      path: pathName,
      setupRequest: (req: autocannon.Request) => ({
        ...req,
        path: pathName,
        headers: { "content-type": "application/json", "x-forwarded-for": clientAddress(), ...extra },
        body: JSON.stringify(body()),
      }),
      onResponse: count(kind),
    });
    const verify = () => json("nik check", "/api/siak/v1/nik/verify", () => ({ nik: sample.niks[n++ % sample.niks.length] }));
    const register = json("registration start", "/api/registrations", () => {
      const id = String(randomInt(0, 1e9)).padStart(9, "0");
      return { nik: sample.eligible[n++ % sample.eligible.length], email: `load.${id}@contoh.id`, phone: `0813${id.slice(0, 8)}` };
    });
    const citizenRequests = [verify(), verify(), verify(), verify(), register, verify(), verify(), json("sign-in challenge", "/api/session/options", () => ({})), verify(), verify()];
    const citizenLoad = autocannon({ url: citizen, connections: 12, duration: seconds, requests: citizenRequests });
    // Officers sign in now and then (argon2id makes each one cost about 20 ms of CPU).
    const officerLoad = autocannon({
      url: officer,
      connections: 1,
      duration: seconds,
      overallRate: 2,
      requests: [json("officer sign-in", "/api/session", () => sample.officer)],
    });
    // One client past its per-IP budget: every answer after the 60th is an intended 429.
    const hammer = autocannon({
      url: citizen,
      connections: 1,
      duration: seconds,
      overallRate: 20,
      requests: [{ ...json("nik check, one client past its limit", "/api/siak/v1/nik/verify", () => ({ nik: sample.niks[0] }), { "x-forwarded-for": "192.0.2.1" }) }],
    });
    const [main, officers, hammered] = await Promise.all([citizenLoad, officerLoad, hammer]);
    const all = [main, officers, hammered];
    const errors = all.reduce((sum, r) => sum + r.errors + r.timeouts + (r["5xx"] ?? 0), 0);
    const intended429 = byKind["nik check, one client past its limit"]?.[429] ?? 0;
    const unexpected429 = Object.entries(byKind)
      .filter(([kind]) => !kind.includes("past its limit"))
      .reduce((sum, [, codes]) => sum + (codes[429] ?? 0), 0);
    const result: LoadResult = {
      ...latency(main),
      rps: Math.round(all.reduce((sum, r) => sum + r.requests.average, 0)),
      seconds,
      connections: 14,
      errors: errors + unexpected429,
      intended429,
      byKind,
    };
    console.log(`load: ${result.rps} req/s, p99 ${result.p99Ms} ms, ${result.errors} errors, ${intended429} intended 429s`);
    return result;
  });
}

type VerifyRun = { c1: Latency; c8: Latency };

function verifyMarkdown(verify: { on: VerifyRun; off: VerifyRun; onTwoWorkers: VerifyRun }, costUs: number, residents: number) {
  const row = (label: string, l: Latency) =>
    `| ${label} | ${l.rps.toLocaleString("en")} | ${l.p50Ms} ms | ${l.p90Ms} ms | **${l.p99Ms} ms** | ${l.meanMs.toFixed(2)} ms | ${l.total.toLocaleString("en")} / ${l.failed} |`;
  return `## NIK verification with the rate limiter, against ${residents.toLocaleString("en")} residents

Measured ${today} on ${machine}, commit ${commit}, by \`npm run bench:load\`. ${sharedWith}
The citizen app (production build behind its \`server.ts\`, one worker process, then two as in
production: \`WEB_CONCURRENCY\`, one per core), PostgreSQL and autocannon share the two cores. The
NIK check is one of the server's direct routes (decision 014), which skip Next.js. Each
request comes from its own address through a trusted proxy (\`X-Forwarded-For\`), so the per-IP
limit is consulted and written for every request, as with many real clients. The same run also
restarts the app with \`RATE_LIMITS=off\` to price the limiter.

| Workers, rate limiter, connections | Requests/s | p50 | p90 | p99 (goal < 10 ms at 8) | Mean | Requests / failed |
| --- | --- | --- | --- | --- | --- | --- |
${row("1, on, 1", verify.on.c1)}
${row("1, on, 8", verify.on.c8)}
${row("1, off, 1", verify.off.c1)}
${row("1, off, 8", verify.off.c8)}
${row("2, on, 1", verify.onTwoWorkers.c1)}
${row("2, on, 8", verify.onTwoWorkers.c8)}

\`nikVerify.c8.p99Ms\` is the one-worker row at 8 connections: on these two cores, shared with
PostgreSQL and autocannon, a second worker adds no throughput and lengthens the tail. The check
reads the resident with one prepared statement and counts the request in \`app.rate_limit\` at the
same time (decision 018).

The limiter's cost per request, as the difference of the mean latency at one connection (where
nothing queues): **${costUs} µs** (\`rateLimit.costUs\`): one upsert in \`app.rate_limit\`, which
runs beside the lookup, so this is the cost of waiting for the slower of the two.`;
}

function loadMarkdown(load: LoadResult) {
  const kinds = Object.entries(load.byKind)
    .map(
      ([kind, codes]) =>
        `| ${kind} | ${Object.entries(codes)
          .map(([code, n]) => `${code}: ${n.toLocaleString("en")}`)
          .join(", ")} |`,
    )
    .join("\n");
  return `## Mixed load for ${load.seconds} s

Measured ${today} on ${machine}, commit ${commit}, by \`npm run bench:load\`. ${sharedWith}
Three apps (two workers each), PostgreSQL and autocannon on the same two cores. 12 connections
cycle through NIK checks, registration starts (eligible residents, fresh e-mail and phone) and
citizen sign-in challenges without pause, each request from its own address; one connection signs
an officer in twice a second (argon2id); one client sends 20 NIK checks a second from one address,
past its limit of 60 a minute. Errors are 5xx, timeouts, dropped connections and any 429 outside
the hammering client.

| Figure | Value |
| --- | --- |
| Requests/s (all clients) | **${load.rps.toLocaleString("en")}** (\`load.rps\`) |
| p50 / p90 / p99 of the main traffic | ${load.p50Ms} / ${load.p90Ms} / **${load.p99Ms} ms** (\`load.p99Ms\`) |
| Errors | **${load.errors}** (\`load.errors\`) |
| Intended 429s (the hammering client) | ${load.intended429.toLocaleString("en")} |

| Request kind | Answers by status |
| --- | --- |
${kinds}`;
}

async function main() {
  const dataDir = path.join(ROOT, ".data/postgres-load");
  rmSync(dataDir, { recursive: true, force: true });
  database = await startEmbeddedDatabase({ dataDir, port: 5436, database: "ktp_load" });
  try {
    await migrateDatabase({ url: database.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
    const seeded = await seedPopulation({ url: database.url, residents: Number(values.residents) });
    console.log(`Seeded ${seeded.residents.toLocaleString("en")} residents.`);
    const sample = await samplePopulation(database.url);
    await buildApps();

    const verify = {
      on: await measureVerify(sample, "on", 1),
      off: await measureVerify(sample, "off", 1),
      onTwoWorkers: await measureVerify(sample, "on", 2),
    };
    const costUs = Math.round((verify.on.c1.meanMs - verify.off.c1.meanMs) * 1000);
    const load = await measureLoad(sample, Number(values.seconds));

    writeSection("verify-limited", verifyMarkdown(verify, costUs, seeded.residents));
    writeSection("load", loadMarkdown(load));
    writeJson({
      nikVerify: {
        // One worker: on two cores that PostgreSQL and the load generator share, a second worker adds
        // no throughput and lengthens the tail (both rows are in docs/benchmarks.md).
        c8: { p99Ms: verify.on.c8.p99Ms, p50Ms: verify.on.c8.p50Ms, rps: verify.on.c8.rps, workers: 1 },
        c8TwoWorkers: { p99Ms: verify.onTwoWorkers.c8.p99Ms, p50Ms: verify.onTwoWorkers.c8.p50Ms, rps: verify.onTwoWorkers.c8.rps },
        residents: seeded.residents,
      },
      rateLimit: { costUs },
      load: { rps: load.rps, p99Ms: load.p99Ms, errors: load.errors, seconds: load.seconds, intended429: load.intended429 },
    });
  } finally {
    await database.stop();
  }
}

await main();
process.exit(0);
