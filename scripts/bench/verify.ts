// npm run bench:verify -- [--citizens 1000]
// The identity QR's figures (issue 11), on a fresh PostgreSQL with a synthetic population:
//   1. size: every purpose's token for each of N activated citizens, issued as the card gets them:
//      characters and QR version at error correction M (goal: version ≤ 13 for age, airport, bank);
//   2. offline verification in Node: parse + Ed25519 check of the same tokens, beside a raw
//      node:crypto verify of the same signed bytes, in the same run (goal: ≥ 80 % of raw).
// Writes docs/benchmarks.md (section identity-qr) and docs/benchmarks.json (qr.*, verify.offlineVsRaw).
import { randomBytes } from "node:crypto";
import { verify } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import QRCode from "qrcode";
import { createDb } from "@ktp/db";
import { startEmbeddedDatabase } from "@ktp/db/embedded";
import { migrateDatabase } from "@ktp/db/migrate";
import { issueOnlinePresentation } from "../../packages/core/src/server/identity/issue-presentations.ts";
import { findVerificationKey } from "../../packages/core/src/server/identity/issuer-keys.ts";
import { deriveKey } from "../../packages/core/src/server/secrets.ts";
import { type Purpose, PURPOSE_RULES, PURPOSES } from "../../packages/core/src/universal/identity/purposes.ts";
import { parsePresentation } from "../../packages/core/src/universal/identity/token.ts";
import { seedPopulation } from "../../prisma/seed/index.ts";
import { MIGRATIONS_DIR, ROOT, SCHEMA_PATH } from "../lib/database.ts";
import { commit, describeOtherLoad, machine, today, writeJson, writeSection } from "./report.ts";

const { values } = parseArgs({ options: { citizens: { type: "string", default: "1000" } } });
const CITIZENS = Number(values.citizens);
const ISSUER = "https://ktp-digital.id";
const sharedWith = describeOtherLoad();

const dataDir = path.join(ROOT, ".data/postgres-bench-verify");
rmSync(dataDir, { recursive: true, force: true });
const database = await startEmbeddedDatabase({ dataDir, port: 5438, database: "ktp_bench_verify" });
try {
  await migrateDatabase({ url: database.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
  await seedPopulation({ url: database.url, residents: Math.max(20_000, CITIZENS * 4) });
  const citizens = await activate(database.url, CITIZENS);
  const db = createDb({ url: database.url });
  const sealKey = deriveKey(randomBytes(32).toString("base64url"), "issuer-keys");

  // 1. Sizes, per purpose, over every citizen.
  const sizes = {} as Record<Purpose, { maxChars: number; meanChars: number; maxVersion: number; versions: Record<number, number> }>;
  const bankTokens: string[] = [];
  for (const purpose of PURPOSES) {
    let max = 0, sum = 0, maxVersion = 0;
    const versions: Record<number, number> = {};
    for (const citizen of citizens) {
      const { qr } = await issueOnlinePresentation({ db, sealKey, issuer: ISSUER, ...citizen, purpose });
      const version = QRCode.create(qr, { errorCorrectionLevel: "M" }).version;
      versions[version] = (versions[version] ?? 0) + 1;
      max = Math.max(max, qr.length);
      maxVersion = Math.max(maxVersion, version);
      sum += qr.length;
      if (purpose === "bank") bankTokens.push(qr);
    }
    sizes[purpose] = { maxChars: max, meanChars: Math.round(sum / citizens.length), maxVersion, versions };
    console.log(`${purpose}: up to ${max} characters, QR version up to ${maxVersion}`);
  }

  // 2. Offline verification against raw Ed25519 over the same bytes, interleaved rounds.
  const key = (await findVerificationKey(db, parsePresentation(bankTokens[0]!).kid))!;
  const parsed = bankTokens.map((t) => parsePresentation(t));
  const ours = () => {
    for (const token of bankTokens) {
      const p = parsePresentation(token);
      if (!verify(null, p.signed, key, p.signature)) throw new Error("a token did not verify");
    }
  };
  const raw = () => {
    for (const p of parsed) if (!verify(null, p.signed, key, p.signature)) throw new Error("a signature did not verify");
  };
  const rate = (fn: () => void) => {
    const started = performance.now();
    fn();
    return bankTokens.length / ((performance.now() - started) / 1000);
  };
  for (let i = 0; i < 3; i++) (ours(), raw()); // warm-up
  const oursRates: number[] = [], rawRates: number[] = [];
  for (let round = 0; round < 15; round++) {
    oursRates.push(rate(ours));
    rawRates.push(rate(raw));
  }
  const median = (xs: number[]) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const oursPerSecond = Math.round(median(oursRates));
  const rawPerSecond = Math.round(median(rawRates));
  const offlineVsRaw = Math.round((oursPerSecond / rawPerSecond) * 1000) / 1000;
  console.log(`offline verification: ${oursPerSecond}/s against raw ${rawPerSecond}/s (${(offlineVsRaw * 100).toFixed(1)} %)`);
  await db.$disconnect();

  const small = (["age17", "airport", "bank"] as const).map((p) => sizes[p]);
  const qrMaxChars = Math.max(...small.map((s) => s.maxChars));
  const qrMaxVersion = Math.max(...small.map((s) => s.maxVersion));
  const rows = PURPOSES.map((p) => `| ${PURPOSE_RULES[p].label.id} | ${sizes[p].meanChars} | ${sizes[p].maxChars} | **${sizes[p].maxVersion}** | ${Object.entries(sizes[p].versions).map(([v, n]) => `v${v}: ${n}`).join(", ")} |`).join("\n");
  writeSection("identity-qr", `## Identity QR: size and offline verification

Measured ${today} on ${machine}, commit ${commit}, by \`npm run bench:verify\`. ${sharedWith}
One online token per purpose for each of ${citizens.length.toLocaleString("en")} activated citizens of a synthetic
population (names and addresses from the seed's generators and idn-area-data), issued by the
same code as the card's. Versions at error correction M; version 13 holds 535 characters.

| Purpose | Mean characters | Most characters | Highest QR version (goal ≤ 13) | Versions |
| --- | --- | --- | --- | --- |
${rows}

Offline verification in Node (parse: base45, inflate, CBOR, claims; then Ed25519 with the cached
key), ${bankTokens.length.toLocaleString("en")} bank tokens per round, median of 15 rounds, beside a raw
\`node:crypto\` verify of the same signed bytes in the same rounds: **${oursPerSecond.toLocaleString("en")}** against
${rawPerSecond.toLocaleString("en")} tokens/s, **${(offlineVsRaw * 100).toFixed(1)} %** of raw (goal ≥ 80 %, \`verify.offlineVsRaw\`).`);
  writeJson({
    qr: { maxChars: qrMaxChars, maxVersion: qrMaxVersion, fullMaxChars: sizes.full.maxChars, citizens: citizens.length },
    verify: { offlineVsRaw, offlinePerSecond: oursPerSecond, rawPerSecond },
  });
} finally {
  await database.stop();
}
process.exit(0);

/** Makes `n` living adults with an e-KTP into active KTP Digital holders (as activation would). */
async function activate(url: string, n: number): Promise<{ registrationId: string; nik: string }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO app.registration (id, nik, email, phone, step, resume_token_hash, updated_at)
       SELECT gen_random_uuid(), nik, 'bench.' || nik || '@contoh.id', '+62812' || right(nik, 8), 'ACTIVE', md5(random()::text) || md5(random()::text), now()
         FROM siak.penduduk
        WHERE tanggal_meninggal IS NULL AND ektp_direkam_pada IS NOT NULL AND tanggal_lahir < now() - interval '17 years'
        ORDER BY nik LIMIT $1
       RETURNING id AS "registrationId", nik`,
      [n],
    );
    return rows;
  } finally {
    await client.end();
  }
}
