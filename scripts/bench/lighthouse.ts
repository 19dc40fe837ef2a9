// npm run bench:lighthouse -- [--runs 3] [--keep-reports (in .data/lighthouse)] [--js-only (prints the JS figures, writes nothing)]
// "Accessible and light" (issue 13 item 9), measured on the production build of the citizen app:
//   1. Lighthouse 12.2.3 (mobile: its default Moto G Power emulation and simulated slow 4G) on /,
//      /masuk, /kartu and /dokumen, the last two signed in as BUDI (the session cookie sent as a
//      header); the median of --runs runs per page (goal: performance ≥ 95, accessibility 100,
//      best practices 100);
//   2. installability, which Lighthouse 12 no longer scores (it dropped the PWA category): the
//      manifest's fields, and Chrome's own verdict (CDP Page.getInstallabilityErrors);
//   3. first-load JavaScript per page: the scripts the server's HTML names, gzipped (goal ≤ 150 KB
//      on /kartu), and what the page fetches later (lazy chunks).
// Writes docs/benchmarks.md (sections lighthouse, first-load-js) and docs/benchmarks.json
// (lighthouse.*, citizen.kartuFirstLoadJsKb, citizen.firstLoadJsKb).
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { createDb } from "@ktp/db";
import { startEmbeddedDatabase } from "@ktp/db/embedded";
import { migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "@ktp/db/migrate";
import { createCitizenSession } from "@ktp/testing/residents";
import { DEMO_RESIDENTS } from "../../prisma/seed/demo-residents.ts";
import { seedPopulation } from "../../prisma/seed/index.ts";
import { buildApps, startApp } from "../lib/apps.ts";
import { scriptEnv } from "../lib/env.ts";
import { ROOT } from "../lib/root.ts";
import { commit, describeOtherLoad, machine, today, writeJson, writeSection } from "./report.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, "keep-reports": { type: "boolean", default: false }, "js-only": { type: "boolean", default: false } } });
const RUNS = Number(values.runs);
const REPORTS = path.join(ROOT, ".data/lighthouse");
const PAGES = [
  { key: "home", path: "/", signedIn: false },
  { key: "masuk", path: "/masuk", signedIn: false },
  { key: "kartu", path: "/kartu", signedIn: true },
  { key: "dokumen", path: "/dokumen", signedIn: true },
] as const;
/** Every page of the citizen app a visitor or a signed-in citizen opens first. */
const BUNDLE_PAGES = [
  { path: "/", signedIn: false },
  { path: "/masuk", signedIn: false },
  { path: "/daftar", signedIn: false },
  { path: "/kartu", signedIn: true },
  { path: "/keluarga", signedIn: true },
  { path: "/dokumen", signedIn: true },
  { path: "/biodata", signedIn: true },
  { path: "/riwayat", signedIn: true },
] as const;
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const sharedWith = describeOtherLoad();

const dataDir = path.join(ROOT, ".data/postgres-bench-lighthouse");
rmSync(dataDir, { recursive: true, force: true });
// Ports of its own, shifted by KTP_TEST_SLOT like the tests'; a cluster already on the port is
// someone else's, so the bench stops rather than join it.
const SLOT = scriptEnv.testSlot();
const database = await startEmbeddedDatabase({ dataDir, port: 5449 + SLOT * 10, database: "ktp_bench_lighthouse" });
if (database.reused) throw new Error(`PostgreSQL already runs on port ${5449 + SLOT * 10}: run with another KTP_TEST_SLOT.`);
try {
  await migrateDatabase({ url: database.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
  await seedPopulation({ url: database.url, residents: 2000 });
  const db = createDb({ url: database.url, maxConnections: 2 });
  // BUDI (NPWP, BPJS, vaccines, vehicles, voter), activated as activation would leave him.
  const budi = DEMO_RESIDENTS.find((r) => r.nama === "BUDI SANTOSO")!;
  const registration = await db.registration.create({
    data: {
      nik: budi.nik,
      email: "budi.bench@contoh.id",
      phone: "+6281200000001",
      step: "ACTIVE",
      resumeTokenHash: randomBytes(32).toString("hex"),
      device: { create: { credentialId: "cred-bench", publicKey: new Uint8Array(32), backupEligible: false, backedUp: false, deviceKey: { kty: "EC", crv: "P-256", x: "x", y: "y" } } },
    },
  });
  const session = await createCitizenSession(db, registration.id, { minutes: 120 });
  await db.$disconnect();

  await buildApps();
  const citizen = startApp("citizen", { databaseUrl: database.url, appSecret: randomBytes(32).toString("base64url"), smtpUrl: "smtp://localhost:1", portOffset: 500 + SLOT * 1000, log: false });
  await citizen.healthy;
  const chrome = await chromeLauncher.launch({
    chromePath: scriptEnv.chromiumPath(),
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const cookie = `${session.name}=${session.value}`;
    const lighthouseResults = values["js-only"] ? [] : await runLighthouse(citizen.url, chrome.port, cookie);
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
    try {
      // Chrome's own profile (installability is not judged in an incognito context), signed out;
      // the signed-in pages in a context of their own with the session cookie.
      const visitor = browser.contexts()[0]!;
      const signedIn = await browser.newContext();
      await signedIn.addCookies([{ ...session, url: citizen.url }]);
      const installability = await checkInstallability(visitor, citizen.url);
      const bundles = [];
      for (const page of BUNDLE_PAGES) bundles.push({ ...page, ...(await measureJs(page.signedIn ? signedIn : visitor, `${citizen.url}${page.path}`)) });
      if (values["js-only"])
        console.log(
          JSON.stringify(
            bundles.map((b) => ({ path: b.path, firstLoadKb: kb(sum(b.firstLoad)), lazyKb: kb(sum(b.lazy)), scripts: [...b.firstLoad, ...b.lazy.map((l) => ({ ...l, lazy: true }))] })),
            null,
            1,
          ),
        );
      else report(lighthouseResults, installability, bundles);
    } finally {
      await browser.close().catch(() => {});
    }
  } finally {
    chrome.kill();
    await citizen.stop();
  }
} finally {
  await database.stop();
}
process.exit(0);

type Scores = Record<(typeof CATEGORIES)[number], number>;
interface PageResult {
  key: string;
  path: string;
  median: Scores;
  runs: Scores[];
  /** Audits that scored below 1 in the median run, with their titles. */
  failing: string[];
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
}

async function runLighthouse(base: string, port: number, cookie: string): Promise<PageResult[]> {
  mkdirSync(REPORTS, { recursive: true });
  const results: PageResult[] = [];
  // A first visit of each page warms the server (Next compiles nothing in production, but the
  // first request of each route loads its modules).
  for (const page of PAGES) await fetch(`${base}${page.path}`, { headers: page.signedIn ? { cookie } : {} });
  for (const page of PAGES) {
    const runs: { scores: Scores; lhr: import("lighthouse").Result }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const lhr = await audit(`${base}${page.path}`, port, page.signedIn ? cookie : null);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores;
      console.log(`${page.path} run ${i + 1}: ${JSON.stringify(scores)}`);
      runs.push({ scores, lhr });
      if (values["keep-reports"]) writeFileSync(path.join(REPORTS, `${page.key}-${i + 1}.json`), JSON.stringify(lhr));
    }
    const byPerformance = runs.toSorted((a, b) => a.scores.performance - b.scores.performance);
    const medianRun = byPerformance[Math.floor(byPerformance.length / 2)]!;
    const median = Object.fromEntries(CATEGORIES.map((c) => [c, medianOf(runs.map((r) => r.scores[c]))])) as Scores;
    const audits = medianRun.lhr.audits;
    const failing = CATEGORIES.flatMap((c) =>
      (medianRun.lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => `${c}: ${ref.id} (${audits[ref.id]!.title}; ${audits[ref.id]!.displayValue ?? `score ${audits[ref.id]!.score}`})`),
    );
    const metric = (id: string) => Math.round(audits[id]?.numericValue ?? NaN);
    results.push({
      key: page.key,
      path: page.path,
      median,
      runs: runs.map((r) => r.scores),
      failing,
      metrics: {
        fcpMs: metric("first-contentful-paint"),
        lcpMs: metric("largest-contentful-paint"),
        tbtMs: metric("total-blocking-time"),
        cls: Math.round((audits["cumulative-layout-shift"]?.numericValue ?? NaN) * 1000) / 1000,
      },
    });
  }
  return results;
}

/** One Lighthouse run; a run whose trace failed (NO_NAVSTART and the like, seen when the cores are busy) is tried again, twice at most. */
async function audit(url: string, port: number, cookie: string | null): Promise<import("lighthouse").Result> {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES], ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}) });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (!result.lhr.runtimeError) return result.lhr;
    if (attempt === 3) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
    console.log(`${url}: ${result.lhr.runtimeError.code}, again`);
  }
}

function medianOf(xs: number[]) {
  return xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

interface Installability {
  errors: string[];
  manifest: Record<string, unknown>;
  missing: string[];
}

/** What Lighthouse 12 no longer scores: Chrome's installability verdict on /, and the manifest's fields. */
async function checkInstallability(context: import("playwright-core").BrowserContext, base: string): Promise<Installability> {
  const page = await context.newPage();
  try {
    await page.goto(base, { waitUntil: "networkidle" });
    const cdp = await context.newCDPSession(page);
    // Chrome reads the manifest after load; ask until it has an answer without "manifest not yet fetched".
    let errors: string[] = [];
    for (let i = 0; i < 20; i++) {
      const answer = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
      errors = answer.installabilityErrors.map((e) => e.errorId);
      if (!errors.includes("no-manifest") || i > 5) break;
      await page.waitForTimeout(500);
    }
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = href ? ((await (await fetch(new URL(href, base))).json()) as Record<string, unknown>) : {};
    const missing = ["name", "short_name", "start_url", "display", "icons", "theme_color", "background_color"].filter((field) => manifest[field] === undefined);
    return { errors, manifest, missing };
  } finally {
    await page.close();
  }
}

interface JsFigures {
  firstLoad: { url: string; bytes: number; gzip: number }[];
  lazy: { url: string; bytes: number; gzip: number }[];
}

/** The scripts the server's HTML names (first load) and those fetched afterwards (lazy), with their gzip sizes. */
async function measureJs(context: import("playwright-core").BrowserContext, url: string): Promise<JsFigures> {
  const page = await context.newPage();
  const scripts = new Map<string, Promise<Buffer>>();
  page.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() === "script" && response.ok()) scripts.set(response.url(), response.body());
  });
  try {
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url} went to ${page.url()}`);
    const html = await response.text();
    const named = new Set(
      [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*\srel="preload"[^>]*\sas="script"[^>]*\shref="([^"]+)"|<link[^>]*\shref="([^"]+)"[^>]*\sas="script"/g)].map((m) =>
        new URL((m[1] ?? m[2] ?? m[3]!).replaceAll("&amp;", "&"), url).toString(),
      ),
    );
    const sized = async (entries: [string, Promise<Buffer>][]) =>
      Promise.all(
        entries.map(async ([u, body]) => {
          const bytes = await body;
          return { url: new URL(u).pathname, bytes: bytes.length, gzip: gzipSync(bytes).length };
        }),
      );
    const all = [...scripts.entries()];
    return { firstLoad: await sized(all.filter(([u]) => named.has(u))), lazy: await sized(all.filter(([u]) => !named.has(u))) };
  } finally {
    await page.close();
  }
}

function kb(bytes: number) {
  return Math.round(bytes / 102.4) / 10;
}
function sum(xs: { gzip: number }[]) {
  return xs.reduce((s, x) => s + x.gzip, 0);
}

function report(pages: PageResult[], installability: Installability, bundles: ({ path: string; signedIn: boolean } & JsFigures)[]) {
  const mark = (value: number, goal: number) => (value >= goal ? `**${value}**` : `**${value}** ✗`);
  const rows = pages
    .map(
      (p) =>
        `| \`${p.path}\`${PAGES.find((x) => x.key === p.key)!.signedIn ? " (signed in)" : ""} | ${mark(p.median.performance, 95)} (${p.runs.map((r) => r.performance).join(", ")}) | ${mark(p.median.accessibility, 100)} | ${mark(p.median["best-practices"], 100)} | ${p.metrics.fcpMs} / ${p.metrics.lcpMs} / ${p.metrics.tbtMs} ms / ${p.metrics.cls} |`,
    )
    .join("\n");
  const failing = pages.flatMap((p) => p.failing.map((f) => `- \`${p.path}\`: ${f}`)).join("\n") || "- none";
  const installable = installability.errors.length === 0 && installability.missing.length === 0;
  writeSection(
    "lighthouse",
    `## Lighthouse: the citizen app at phone size

Measured ${today} on ${machine}, commit ${commit}, by \`npm run bench:lighthouse\`. ${sharedWith}
Lighthouse 12.2.3 (the last version whose lock installs and runs on Node 20), Debian's Chromium,
its default mobile settings (Moto G Power screen, simulated slow 4G, 4× CPU slowdown), against the
production build of the citizen app (\`server.ts\`, one process) on an embedded PostgreSQL with 2,000
residents. \`/kartu\` and \`/dokumen\` are signed in as BUDI SANTOSO (session cookie). Median of
${RUNS} runs per page; the performance score of each run in brackets (performance moves with what
else the two cores do; the other categories do not).

| Page | Performance (goal ≥ 95) | Accessibility (goal 100) | Best practices (goal 100) | FCP / LCP / TBT / CLS (median run) |
| --- | --- | --- | --- | --- |
${rows}

Audits below full marks in the median run:
${failing}

**Installability.** Lighthouse 12 dropped the PWA category, so the bench asks Chrome itself:
\`Page.getInstallabilityErrors\` over CDP on \`/\` answered ${installability.errors.length ? installability.errors.map((e) => `\`${e}\``).join(", ") : "no error"}; the manifest
(${Object.keys(installability.manifest).length} fields) ${installability.missing.length ? `lacks ${installability.missing.map((f) => `\`${f}\``).join(", ")}` : "has name, short_name, start_url, display, icons, theme_color and background_color"}: ${installable ? "**installable**" : "**not installable yet**"} (\`lighthouse.installable\`).`,
  );
  const bundleRows = bundles
    .map((b) => {
      const first = sum(b.firstLoad);
      return `| \`${b.path}\`${b.signedIn ? " (signed in)" : ""} | **${kb(first)}**${b.path === "/kartu" && kb(first) > 150 ? " ✗" : ""} | ${kb(b.firstLoad.reduce((s, x) => s + x.bytes, 0))} | ${b.firstLoad.length} | ${kb(sum(b.lazy))} (${b.lazy.length}) |`;
    })
    .join("\n");
  const kartu = bundles.find((b) => b.path === "/kartu")!;
  const heaviest = [...kartu.firstLoad, ...kartu.lazy]
    .toSorted((a, b) => b.gzip - a.gzip)
    .slice(0, 6)
    .map((s) => `\`${s.url}\` ${kb(s.gzip)} KB${kartu.lazy.includes(s) ? " (lazy)" : ""}`)
    .join(", ");
  writeSection(
    "first-load-js",
    `## First-load JavaScript of the citizen app

Measured ${today}, commit ${commit}, by \`npm run bench:lighthouse\`, on the same production build.
Each page is loaded in Chromium; its first-load JavaScript is every script the server's HTML names
(\`<script src>\` and script preloads: the route's chunks, React, Next's runtime), each body gzipped
here (zlib level 6, as a server would send it) and summed. Scripts the page fetches afterwards
(dynamic \`import()\` once it runs, e.g. the QR read-back's zxing on \`/kartu\`) are counted apart
as lazy. The service worker is not a page script and is not counted.

| Page | First-load JS, gzip (KB; goal ≤ 150 on /kartu) | Uncompressed (KB) | Scripts | Lazy JS, gzip (KB, scripts) |
| --- | --- | --- | --- | --- |
${bundleRows}

Heaviest scripts of \`/kartu\`: ${heaviest}.`,
  );
  const scores = (key: string) => {
    const p = pages.find((x) => x.key === key)!;
    return { performance: p.median.performance, accessibility: p.median.accessibility, bestPractices: p.median["best-practices"] };
  };
  writeJson({
    lighthouse: { home: scores("home"), masuk: scores("masuk"), kartu: scores("kartu"), dokumen: scores("dokumen"), runs: RUNS, installable, installabilityErrors: installability.errors },
    citizen: {
      kartuFirstLoadJsKb: kb(sum(kartu.firstLoad)),
      firstLoadJsKb: Object.fromEntries(bundles.map((b) => [b.path, kb(sum(b.firstLoad))])),
      lazyJsKb: Object.fromEntries(bundles.map((b) => [b.path, kb(sum(b.lazy))])),
    },
  });
  console.log(
    JSON.stringify(
      { pages: pages.map((p) => ({ path: p.path, median: p.median, failing: p.failing })), installability, firstLoad: bundles.map((b) => [b.path, kb(sum(b.firstLoad)), kb(sum(b.lazy))]) },
      null,
      2,
    ),
  );
}
