// Crash safety (docs/testing.md): `kill -9` of the app serving an activation step, and separately
// of PostgreSQL, while the step's request is in flight; then restart the victim and check that
// every registration is consistent and that the citizen can go on or start over.
//   tsx --conditions=react-server scripts/reliability/crash.ts [--victim app|postgres] [--moment selfie|pin|qr|decision]
//   (or npm test -- --only crash)
// It runs its own PostgreSQL cluster (it kills it), mail catcher and app processes; KTP_TEST_SLOT=N
// shifts their ports as in scripts/test.ts.
import { randomBytes, randomInt, webcrypto } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { deriveKey, newToken, seal } from "@ktp/core/server/secrets";
import { createDb, type Db } from "@ktp/db";
import { type EmbeddedDatabase, embeddedDatabaseUrl, startEmbeddedDatabase } from "@ktp/db/embedded";
import { migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "@ktp/db/migrate";
import { hashPassword } from "@ktp/db/password-hash";
import { type MailCatcher, startMailCatcher } from "@ktp/testing/mail-catcher";
import { addEktpPhoto, createResident } from "@ktp/testing/residents";
import { cropFace, groupPhoto, retake, SAMPLE1_FACES } from "@ktp/testing/sample-photos";
import { type AppName, type AppOptions, buildApps, type RunningApp, startApp, waitForHealth } from "../lib/apps.ts";
import { ROOT } from "../lib/root.ts";
import { scriptEnv } from "../lib/env.ts";
import { describeReply, HttpClient, type Reply } from "./http-client.ts";
import { checkInvariants, formatViolation, type Violation } from "./invariants.ts";
import { killPostgres, killProcess } from "./kill.ts";

export type Moment = "selfie" | "pin" | "qr" | "decision";
export type Victim = "app" | "postgres";

export interface CrashRun {
  victim: Victim;
  moment: Moment;
  /** "200 ms": the request was sent that long before the kill; or a named point inside the step. */
  trigger: string;
  outcome: string;
  problems: string[];
}

/** One kill -9 and restart, with every request in flight at that moment. */
export interface CrashKill {
  victim: Victim;
  moment: Moment;
  /** From the kill until the victim answered again (app: /api/health 200; PostgreSQL: both apps healthy). */
  downMs: number;
  /** Setting the citizens up before, checking and going on after. */
  prepareMs: number;
  afterMs: number;
  problems: string[];
}

export interface CrashReport {
  runs: CrashRun[];
  kills: CrashKill[];
  /** Server errors (5xx other than 503 while the database was down) in the apps' logs. */
  logProblems: string[];
  /** Starting PostgreSQL, the apps and the officers; then the whole suite. */
  setupSeconds: number;
  seconds: number;
}

/** The app process that serves each moment's request. */
const SERVER: Record<Moment, "citizen" | "officer"> = { selfie: "citizen", pin: "citizen", qr: "citizen", decision: "officer" };
/** How long before the kill each request is sent. */
const DELAYS_MS = [200, 80, 20, 0];
const PIN = "739146";
const DATABASE = "ktp_crash";

/**
 * A point inside a step where the request is held by a lock the suite takes beforehand, so the
 * kill lands there for certain: the request waits, the suite sees it wait, then kills.
 */
interface Barrier {
  label: string;
  /** Takes the lock on `client` (in an open transaction). */
  hold(client: pg.Client, citizen: Citizen): Promise<void>;
  /** Only for this decision. */
  decision?: "APPROVED";
  /** The lock is on the counter's row: this citizen goes to a counter of its own. */
  ownCounter?: boolean;
  /** The citizen has used two of three selfie attempts. */
  lastAttempt?: boolean;
  /** A stranger's registration of the same NIK waits at the selfie too. */
  stranger?: boolean;
}

async function lockRegistration(client: pg.Client, id: string | undefined) {
  await client.query("SELECT 1 FROM app.registration WHERE id = $1 FOR UPDATE", [id]);
}

const BARRIERS: Record<Moment, Barrier[]> = {
  selfie: [
    {
      // passSelfie moved this registration to PIN and waits to end a stranger's one at the selfie.
      label: "in tx: moved to PIN, others not yet ended",
      stranger: true,
      hold: (client, citizen) => lockRegistration(client, citizen.strangerId),
    },
    {
      // The face matched on the last attempt; moving the step waits for the NIK's lock.
      label: "last attempt: face compared, step not moved",
      lastAttempt: true,
      hold: async (client, citizen) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`registration:${citizen.nik}`]);
      },
    },
  ],
  pin: [
    {
      label: "in UPDATE: PIN hashed, row locked",
      hold: (client, citizen) => lockRegistration(client, citizen.id),
    },
  ],
  qr: [
    {
      // The QR is claimed; joining the counter's queue waits for the registration row.
      label: "in tx: QR claimed, queue not joined",
      hold: (client, citizen) => lockRegistration(client, citizen.id),
    },
  ],
  decision: [
    {
      // The step moved and the selfie is erased; the record's foreign key to the counter waits.
      label: "in tx: step moved, record not written",
      ownCounter: true,
      hold: async (client, citizen) => {
        await client.query("SELECT 1 FROM app.counter WHERE id = $1 FOR UPDATE", [citizen.desk.counterId]);
      },
    },
    {
      label: "after commit, before the e-mail",
      decision: "APPROVED",
      hold: async (client, citizen) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`activation-email:${citizen.id}`]);
      },
    },
  ],
};

/** An officer signed in at a counter. */
interface Desk {
  http: HttpClient;
  counterId: string;
}

interface Citizen {
  nik: string;
  id: string;
  email: string;
  http: HttpClient;
  /** Where the officer who decides sits. */
  desk: Desk;
  /** A second registration of the same NIK waiting at the selfie (someone else's phone). */
  strangerId?: string;
  /** Signs with the device key this "phone" holds (from the COUNTER step on). */
  sign?: (text: string) => Promise<string>;
  qr?: string;
}

/** One request in flight at the kill. */
interface Flight {
  run: CrashRun;
  citizen: Citizen;
  barrier: Barrier | null;
  decision: "APPROVED" | "REFUSED";
  lock?: pg.Client;
  sent?: Promise<Reply>;
}

export interface CrashSuiteOptions {
  /** Shifts the ports as KTP_TEST_SLOT does in scripts/test.ts. */
  slot?: number;
  logDir?: string;
  log?: (line: string) => void;
  /** Only these (all by default). */
  victims?: Victim[];
  moments?: Moment[];
}

export async function runCrashSuite({
  slot = 0,
  logDir = path.join(ROOT, ".data/crash/logs"),
  log = console.log,
  victims = ["app", "postgres"],
  moments = ["selfie", "pin", "qr", "decision"],
}: CrashSuiteOptions = {}): Promise<CrashReport> {
  const started = performance.now();
  const lab = await Lab.open({ slot, logDir });
  const setupSeconds = (performance.now() - started) / 1000;
  const runs: CrashRun[] = [];
  const kills: CrashKill[] = [];
  // Invariants are checked over every registration; a violation is reported once, where it appeared.
  const reported = new Set<string>();
  try {
    for (const victim of victims) {
      for (const moment of moments) {
        const { kill, flights } = await crashOnce(lab, victim, moment, reported);
        kills.push(kill);
        log(`${kill.problems.length ? "✗" : "✓"} kill -9 ${victim === "app" ? SERVER[moment] : "postgres"} during ${moment}: ${timings(kill)}`);
        for (const problem of kill.problems) log(`    ${problem}`);
        for (const { run } of flights) {
          runs.push(run);
          log(`  ${run.problems.length ? "✗" : "✓"} ${run.trigger.padEnd(50)} ${run.outcome}`);
          for (const problem of run.problems) log(`      ${problem}`);
        }
      }
    }
  } finally {
    await lab.close();
  }
  return { runs, kills, logProblems: checkLogs(logDir), setupSeconds, seconds: (performance.now() - started) / 1000 };
}

/**
 * One kill -9 of `victim` with several requests of `moment` in flight: one held at each barrier,
 * and one sent each of DELAYS_MS before the kill. Then the restart, the invariants, and each
 * citizen going on.
 */
async function crashOnce(lab: Lab, victim: Victim, moment: Moment, reported: Set<string>): Promise<{ kill: CrashKill; flights: Flight[] }> {
  const kill: CrashKill = { victim, moment, downMs: 0, prepareMs: 0, afterMs: 0, problems: [] };
  const flights: Flight[] = [];
  const began = performance.now();
  try {
    for (const trigger of [...BARRIERS[moment], ...DELAYS_MS]) {
      const barrier = typeof trigger === "number" ? null : trigger;
      // Some decisions are refusals, so REFUSED records are crashed too.
      const decision = moment === "decision" && (trigger === 20 || trigger === 200) ? "REFUSED" : "APPROVED";
      const label = typeof trigger === "number" ? `${trigger} ms` : trigger.label;
      const citizen = await lab.prepare(moment, { stranger: barrier?.stranger, ownCounter: barrier?.ownCounter, lastAttempt: barrier?.lastAttempt });
      flights.push({ run: { victim, moment, trigger: moment === "decision" ? `${label} (${decision})` : label, outcome: "", problems: [] }, citizen, barrier, decision });
    }

    kill.prepareMs = Math.round(performance.now() - began);

    // 1. The requests: first those held at a barrier, then the others at their delays, then the kill.
    for (const flight of flights.filter((f) => f.barrier)) {
      flight.lock = await lab.lockClient();
      await flight.lock.query("BEGIN");
      await flight.barrier!.hold(flight.lock, flight.citizen);
      flight.sent = lab.fire(moment, flight.citizen, flight.decision);
      if (!(await lab.waitUntilBlocked(flight.lock, flight.sent))) flight.run.problems.push(`the request never reached "${flight.barrier!.label}"`);
    }
    const delayed = flights.filter((f) => !f.barrier);
    const start = performance.now();
    for (const [i, flight] of delayed.entries()) {
      await sleep(start + DELAYS_MS[0]! - DELAYS_MS[i]! - performance.now());
      flight.sent = lab.fire(moment, flight.citizen, flight.decision);
    }
    await sleep(start + DELAYS_MS[0]! - performance.now());
    const answeredFirst = await Promise.all(flights.map((f) => isSettled(f.sent!)));
    const killed = performance.now();
    if (victim === "app") await lab.killApp(SERVER[moment]);
    else await lab.killPostgres();
    const replies = await Promise.all(flights.map((f) => f.sent!));

    // 2. While PostgreSQL is down, the apps say so with 503 SERVICE_UNAVAILABLE.
    if (victim === "postgres") kill.problems.push(...(await lab.checkAnswersWhileDown(moment, delayed[0]!.citizen, delayed[0]!.decision)));

    // 3. Restart the victim; the locks the suite held are let go (with PostgreSQL, they died).
    for (const flight of flights) if (flight.lock) await lab.releaseLock(flight.lock);
    if (victim === "app") await lab.restartApp(SERVER[moment]);
    else kill.problems.push(...(await lab.restartPostgres()));
    kill.downMs = Math.round(performance.now() - killed);
    const back = performance.now();
    kill.problems.push(...(await lab.quiesce()));

    // 4. Consistency over every registration, then each citizen goes on or starts over.
    const attribute = (violations: Violation[]) => {
      for (const violation of violations) {
        const text = formatViolation(violation);
        if (reported.has(text)) continue;
        reported.add(text);
        const owner = flights.find((f) => f.citizen.id === violation.id || f.citizen.strangerId === violation.id);
        (owner ? owner.run.problems : kill.problems).push(text);
      }
    };
    attribute(await checkInvariants(lab.pool));
    for (const [i, flight] of flights.entries()) {
      const reply = replies[i]!;
      const { run } = flight;
      if (reply.status >= 500 && reply.status !== 503) run.problems.push(`the request in flight was answered ${describeReply(reply)}, not 503`);
      const committed = await lab.isDone(moment, flight.citizen);
      if (reply.status === 200 && !committed) run.problems.push("answered 200 but the step is not in the database after the restart");
      const next = await lab.goOn(moment, flight.citizen, committed, flight.decision);
      run.problems.push(...next.problems);
      run.outcome = `${describeReply(reply)}${answeredFirst[i] ? " before the kill" : ""} · ${committed ? "committed" : "rolled back"} · ${next.text}`;
    }
    attribute(await checkInvariants(lab.pool));
    kill.afterMs = Math.round(performance.now() - back);
  } catch (error) {
    kill.problems.push(`suite error: ${(error as Error).stack ?? String(error)}`);
    for (const flight of flights) {
      flight.run.outcome ||= "not run: suite error";
      if (flight.lock) await lab.releaseLock(flight.lock);
    }
    await lab.recover();
  }
  return { kill, flights };
}

class Lab {
  pool!: pg.Pool;
  private database!: EmbeddedDatabase;
  private db!: Db;
  private catcher!: MailCatcher;
  private apps = {} as Record<"citizen" | "officer", RunningApp>;
  /** Two officers at two counters: a barrier may lock one counter's row without holding up the other. */
  private desks!: { shared: Desk; own: Desk };
  private selfieKey!: Buffer;
  private selfiePhoto!: Buffer;
  private appOptions!: AppOptions;

  private constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  static async open({ slot, logDir }: { slot: number; logDir: string }): Promise<Lab> {
    const lab = new Lab(path.join(ROOT, ".data/postgres-crash"), 5437 + slot * 10);
    rmSync(lab.dataDir, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
    try {
      lab.catcher = await startMailCatcher({ smtpPort: 1126 + slot * 10, httpPort: 8126 + slot * 10 });
      const appSecret = randomBytes(32).toString("base64url");
      lab.appOptions = {
        databaseUrl: embeddedDatabaseUrl({ port: lab.port, database: DATABASE }),
        appSecret,
        smtpUrl: lab.catcher.smtpUrl,
        portOffset: 300 + slot * 1000,
        logDir,
        // Every request comes from 127.0.0.1; per-subject limits hold as in production. One process
        // per app, so the process killed is the one serving the request.
        env: { RATE_LIMIT_IP_MULTIPLIER: "50", WEB_CONCURRENCY: "1" },
      };
      // The apps take longest to start: they start first and turn healthy once the database is up.
      for (const name of ["citizen", "officer"] as const) lab.apps[name] = startApp(name, lab.appOptions);
      lab.database = await lab.startDatabase();
      lab.db = createDb({ url: lab.database.url, maxConnections: 4 });
      lab.pool = new pg.Pool({ connectionString: lab.database.url, max: 2 });
      // Idle connections die with PostgreSQL; the pool drops them and connects afresh.
      lab.pool.on("error", () => {});
      await migrateDatabase({ url: lab.database.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
      lab.selfieKey = deriveKey(appSecret, "selfie");
      // The e-KTP photo is face 2 of the group photo (addEktpPhoto); the selfie, the same face taken again.
      lab.selfiePhoto = await retake(await cropFace(groupPhoto(1), SAMPLE1_FACES[2]));
      await Promise.all([lab.apps.citizen.healthy, lab.apps.officer.healthy]);
      const [shared, own] = await Promise.all([lab.openDesk("CRASH-01"), lab.openDesk("CRASH-02")]);
      lab.desks = { shared, own };
      return lab;
    } catch (error) {
      await lab.close();
      throw error;
    }
  }

  /** A counter of the Dinas where createResident puts residents, and an officer signed in there over HTTP. */
  private async openDesk(code: string): Promise<Desk> {
    const nip = `1988${randomInt(1e9, 1e10)}${randomInt(1e3, 1e4)}`;
    const counter = await this.db.counter.create({ data: { code, name: `Loket Uji ${code}`, kabupatenKode: "64.72" } });
    await this.db.officer.create({ data: { nip, nama: "PETUGAS UJI CRASH", passwordHash: await hashPassword("sandi-crash-uji"), kabupatenKode: "64.72" } });
    const http = new HttpClient(this.apps.officer.url);
    expect(await http.post("/api/session", { nip, password: "sandi-crash-uji", counter: code }), 200, "officer sign-in");
    return { http, counterId: counter.id };
  }

  private startDatabase() {
    // After a crash PostgreSQL syncs its data directory before recovery: one syncfs() instead of
    // an fsync() per file takes milliseconds instead of seconds on a busy disk.
    return startEmbeddedDatabase({ dataDir: this.dataDir, port: this.port, database: DATABASE, flags: ["recovery_init_sync_method=syncfs"] });
  }

  async close() {
    await Promise.all(Object.values(this.apps).map((app) => app.stop()));
    await this.db?.$disconnect().catch(() => {});
    await this.pool?.end().catch(() => {});
    await this.catcher?.stop();
    await this.database?.stop();
  }

  /** A fresh resident with an e-KTP photo, registered over HTTP and brought to the state just before `moment`. */
  async prepare(moment: Moment, { stranger = false, ownCounter = false, lastAttempt = false } = {}): Promise<Citizen> {
    const resident = await createResident(this.db, { nama: "UJI KRASH WARGA" });
    await addEktpPhoto(this.db, resident.nik);
    const email = `krash.${randomBytes(5).toString("hex")}@contoh.id`;
    const http = new HttpClient(this.apps.citizen.url);
    expect(await http.post("/api/registrations", { nik: resident.nik, email, phone: `0813${randomInt(1e7, 1e8)}` }), 201, "start registration");
    const { id } = await this.db.registration.findFirstOrThrow({ where: { nik: resident.nik, email }, select: { id: true } });
    const citizen: Citizen = { nik: resident.nik, id, email, http, desk: ownCounter ? this.desks.own : this.desks.shared };
    if (stranger) {
      const other = await this.db.registration.create({
        data: { nik: resident.nik, email: `orang.lain.${randomBytes(4).toString("hex")}@contoh.id`, phone: "+6281300000000", resumeTokenHash: randomBytes(32).toString("hex") },
      });
      citizen.strangerId = other.id;
    }
    if (lastAttempt) await this.db.registration.update({ where: { id }, data: { selfieAttempts: 2, selfieUploads: 2 } });
    if (moment === "selfie") return citizen;

    // The selfie passed: written directly, since the selfie moment itself runs over HTTP and a
    // face comparison costs a second of CPU.
    await this.db.registration.update({
      where: { id },
      data: { step: "PIN", selfieAttempts: 1, selfieUploads: 1, matchScore: 0.92, matchDecision: "match", selfieEncrypted: seal(this.selfieKey, this.selfiePhoto, id) },
    });
    if (moment === "pin") return citizen;

    expect(await http.post("/api/registrations/current/pin", { pin: PIN, confirmation: PIN }), 200, "set PIN");
    // The passkey needs a browser (WebAuthn); the device key bound with it is what later steps check.
    const pair = await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const { kty, crv, x, y } = await webcrypto.subtle.exportKey("jwk", pair.publicKey);
    await this.db.$transaction([
      this.db.device.create({
        data: {
          registrationId: id,
          credentialId: newToken(),
          publicKey: new Uint8Array(8),
          transports: ["internal"],
          backupEligible: false,
          backedUp: false,
          deviceKey: { kty: kty!, crv: crv!, x: x!, y: y! },
        },
      }),
      this.db.registration.update({ where: { id }, data: { step: "COUNTER" } }),
    ]);
    citizen.sign = async (text) => Buffer.from(await webcrypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(text))).toString("base64url");
    citizen.qr = await this.issueQr(citizen.desk);
    if (moment === "qr") return citizen;

    expect(await this.scan(citizen), 200, "scan the counter's QR");
    return citizen;
  }

  private async issueQr(desk: Desk): Promise<string> {
    const reply = await desk.http.post("/api/counter/qr");
    expect(reply, 200, "issue a QR");
    return reply.body.qr as string;
  }

  private async scan(citizen: Citizen): Promise<Reply> {
    return citizen.http.post("/api/registrations/current/counter", { qr: citizen.qr, deviceKeySignature: await citizen.sign!(citizen.qr!) });
  }

  /** The step's request, as the citizen's phone or the officer's console sends it. */
  fire(moment: Moment, citizen: Citizen, decision: "APPROVED" | "REFUSED"): Promise<Reply> {
    switch (moment) {
      case "selfie":
        return citizen.http.postBytes("/api/registrations/current/selfie", this.selfiePhoto, "image/jpeg");
      case "pin":
        return citizen.http.post("/api/registrations/current/pin", { pin: PIN, confirmation: PIN });
      case "qr":
        return this.scan(citizen);
      case "decision":
        return citizen.desk.http.post(`/api/counter/applicants/${citizen.id}/decision`, decision === "APPROVED" ? { decision } : { decision, reason: "NOT_PRESENT" });
    }
  }

  /** Whether the step is in the database. */
  async isDone(moment: Moment, citizen: Citizen): Promise<boolean> {
    const r = await this.db.registration.findUniqueOrThrow({ where: { id: citizen.id }, select: { step: true, counterSessionId: true, decision: { select: { id: true } } } });
    switch (moment) {
      case "selfie":
        return r.step !== "SELFIE";
      case "pin":
        return r.step !== "PIN";
      case "qr":
        return r.counterSessionId !== null;
      case "decision":
        return r.decision !== null;
    }
  }

  /**
   * After the restart: the same request again succeeds, or (if the step was done) is refused with
   * a clean 409 while the citizen's view says where the registration stands; then the next step works.
   */
  async goOn(moment: Moment, citizen: Citizen, committed: boolean, decision: "APPROVED" | "REFUSED"): Promise<{ text: string; problems: string[] }> {
    const problems: string[] = [];
    const steps: string[] = [];
    const check = (reply: Reply, status: number, what: string, code?: string) => {
      steps.push(`${what} ${describeReply(reply)}`);
      if (reply.status !== status || (code && reply.code !== code)) problems.push(`${what}: expected ${status}${code ? ` ${code}` : ""}, got ${describeReply(reply)}`);
    };
    const standsAt = async (step: string) => {
      const view = await citizen.http.get("/api/registrations/current");
      if (view.status !== 200 || view.body?.step !== step) problems.push(`the citizen's view: expected step ${step}, got ${describeReply(view)} ${view.body?.step ?? ""}`);
      return view;
    };

    let retry = await this.fire(moment, citizen, decision);
    if (moment === "qr" && retry.code === "QR_EXPIRED") {
      citizen.qr = await this.issueQr(citizen.desk);
      retry = await this.fire(moment, citizen, decision);
    }
    const refusal = { selfie: "WRONG_STEP", pin: "WRONG_STEP", qr: "QR_USED", decision: "ALREADY_DECIDED" }[moment];
    if (committed) check(retry, 409, "retry", refusal);
    else check(retry, 200, "retry");

    switch (moment) {
      case "selfie":
        await standsAt("PIN");
        check(await citizen.http.post("/api/registrations/current/pin", { pin: PIN, confirmation: PIN }), 200, "PIN");
        break;
      case "pin":
        await standsAt("DEVICE");
        check(await citizen.http.post("/api/registrations/current/device/options"), 200, "passkey options");
        break;
      case "qr": {
        const view = await standsAt("COUNTER");
        if (!view.body?.counter) problems.push("the citizen's view does not name the counter");
        const list = await citizen.desk.http.get("/api/counter/applicants");
        const listed = Array.isArray(list.body) && list.body.some((a: { id: string }) => a.id === citizen.id);
        if (!listed) problems.push(`the officer does not see the applicant (${describeReply(list)})`);
        check(await this.fire("decision", citizen, "APPROVED"), 200, "approve");
        break;
      }
      case "decision":
        if (decision === "REFUSED") {
          await standsAt("REFUSED");
          // Start over: a refusal is final, and a new registration of the same NIK is welcome.
          const fresh = new HttpClient(this.apps.citizen.url);
          check(await fresh.post("/api/registrations", { nik: citizen.nik, email: `lagi.${citizen.email}`, phone: `0813${randomInt(1e7, 1e8)}` }), 201, "start over");
        } else {
          await standsAt("EMAIL");
          steps.push(await this.activate(citizen, problems));
        }
        break;
    }
    return { text: steps.join(", "), problems };
  }

  /** The activation link: the last one mailed if it works, else a resent one. */
  private async activate(citizen: Citizen, problems: string[]): Promise<string> {
    const mailed = await this.lastLink(citizen.email);
    if (mailed) {
      const used = await citizen.http.post("/api/activation", { token: mailed });
      if (used.status === 200) return "link 200";
      if (used.code !== "ACTIVATION_LINK_INVALID") {
        problems.push(`activation link: ${describeReply(used)}`);
        return `link ${describeReply(used)}`;
      }
    }
    const resent = await citizen.http.post("/api/registrations/current/email");
    if (resent.status !== 200) {
      problems.push(`resend: expected 200, got ${describeReply(resent)}`);
      return `resend ${describeReply(resent)}`;
    }
    const link = await this.lastLink(citizen.email);
    const used = link ? await citizen.http.post("/api/activation", { token: link }) : null;
    if (used?.status !== 200) problems.push(`activation with the resent link: ${used ? describeReply(used) : "no mail"}`);
    return `${mailed ? "mailed link dead, " : "no mail, "}resend 200, link ${used ? describeReply(used) : "missing"}`;
  }

  private async lastLink(email: string): Promise<string | null> {
    const mails = (await (await fetch(`${this.catcher.inboxUrl}/api/messages`)).json()) as { to: string[]; text: string }[];
    const mail = mails.toReversed().find((m) => m.to.includes(email));
    return mail?.text.match(/aktivasi\?t=([A-Za-z0-9_-]{43})/)?.[1] ?? null;
  }

  /** With PostgreSQL down: health, the citizen's state and the step itself answer 503 SERVICE_UNAVAILABLE. */
  async checkAnswersWhileDown(moment: Moment, citizen: Citizen, decision: "APPROVED" | "REFUSED"): Promise<string[]> {
    const problems: string[] = [];
    for (const app of Object.values(this.apps)) {
      const health = await fetch(`${app.url}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
      if (health !== 503) problems.push(`${app.name} /api/health with the database down: ${health}, not 503`);
    }
    for (const [what, reply] of [
      ["the citizen's state", await citizen.http.get("/api/registrations/current")],
      [`the ${moment} request`, await this.fire(moment, citizen, decision)],
    ] as const) {
      if (reply.status !== 503 || reply.code !== "SERVICE_UNAVAILABLE") problems.push(`${what} with the database down: ${describeReply(reply)}, not 503 SERVICE_UNAVAILABLE`);
    }
    return problems;
  }

  async killApp(name: "citizen" | "officer") {
    await killProcess(this.apps[name].child);
  }

  async restartApp(name: AppName) {
    const app = startApp(name, this.appOptions);
    this.apps[name as "citizen" | "officer"] = app;
    await app.healthy;
  }

  async killPostgres() {
    await killPostgres(this.dataDir);
  }

  /** Starts the cluster again on the same data directory (crash recovery) and waits until both apps reconnect by themselves. */
  async restartPostgres(): Promise<string[]> {
    const problems: string[] = [];
    this.database = await this.startDatabase();
    for (const app of Object.values(this.apps)) {
      if (app.child.exitCode !== null || app.child.signalCode !== null) {
        problems.push(`the ${app.name} app died with PostgreSQL (exit ${app.child.exitCode ?? app.child.signalCode})`);
        await this.restartApp(app.name);
      }
    }
    await Promise.all(Object.values(this.apps).map((app) => waitForHealth(`${app.url}/api/health`, [app.child], 60_000))).catch((error: Error) => {
      problems.push(`the apps did not reconnect: ${error.message}`);
    });
    return problems;
  }

  /** A connection of its own for a barrier's lock. */
  async lockClient(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.database.url });
    client.on("error", () => {});
    await client.connect();
    return client;
  }

  /** Waits until some backend waits for `lock`'s lock; false if `request` is answered first. */
  async waitUntilBlocked(lock: pg.Client, request: Promise<Reply>): Promise<boolean> {
    const {
      rows: [me],
    } = await lock.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !(await isSettled(request))) {
      const { rowCount } = await this.pool.query("SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", [me!.pid]);
      if (rowCount) return true;
      await sleep(5);
    }
    return false;
  }

  async releaseLock(lock: pg.Client) {
    await lock.query("ROLLBACK").catch(() => {});
    await lock.end().catch(() => {});
  }

  /** Waits until no transaction is open any more (a killed app's backend ends when it finds its socket closed). */
  async quiesce(): Promise<string[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await this.pool.query<{ query: string; state: string }>(
        `SELECT state, left(query, 120) AS query FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL`,
      );
      if (!rows.length) return [];
      if (Date.now() > deadline) return rows.map((r) => `a transaction still open 30 s after the restart (${r.state}): ${r.query}`);
      await sleep(20);
    }
  }

  /** After a suite error: whatever is dead is started again, so the next kill starts clean. */
  async recover() {
    if (
      !(await this.pool.query("SELECT 1").then(
        () => true,
        () => false,
      ))
    )
      this.database = await this.startDatabase();
    for (const app of Object.values(this.apps)) {
      if (app.child.exitCode !== null || app.child.signalCode !== null) await this.restartApp(app.name);
    }
  }
}

/** 5xx lines in the apps' JSON access logs, other than 503 (database down, as the suite intends). */
function checkLogs(logDir: string): string[] {
  const problems: string[] = [];
  for (const file of readdirSync(logDir)) {
    for (const line of readFileSync(path.join(logDir, file), "utf8").split("\n")) {
      const status = Number(/"status":(\d{3})/.exec(line)?.[1] ?? 0);
      if (status >= 500 && status !== 503) problems.push(`${file}: ${line.slice(0, 240)}`);
    }
  }
  return problems;
}

function expect(reply: Reply, status: number, what: string) {
  if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${describeReply(reply)} ${JSON.stringify(reply.body ?? "").slice(0, 200)}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const pending = Symbol("pending");
  return (
    (await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      Promise.resolve(pending),
    ])) !== pending
  );
}

const timings = (k: CrashKill) => `set up ${(k.prepareMs / 1000).toFixed(1)} s, back ${(k.downMs / 1000).toFixed(1)} s after the kill, checked ${(k.afterMs / 1000).toFixed(1)} s`;

/** Each run, each kill and the log check count as one test in npm test's tally. */
export function tallyCrashReport(report: CrashReport): { passed: number; failed: number } {
  const checks = [...report.runs, ...report.kills].map((r) => r.problems.length === 0).concat(report.logProblems.length === 0);
  return { passed: checks.filter(Boolean).length, failed: checks.filter((ok) => !ok).length };
}

/** The table of runs and the kills' problems, as printed at the end. */
export function formatCrashReport(report: CrashReport): string {
  const header = ["victim", "moment", "trigger", "outcome", "ok"];
  const rows = report.runs.map((r) => [r.victim === "app" ? SERVER[r.moment] : "postgres", r.moment, r.trigger, r.outcome, r.problems.length ? "✗" : "✓"]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  const table = [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)];
  const kills = report.kills.map((k) => `kill -9 ${k.victim === "app" ? SERVER[k.moment] : "postgres"} during ${k.moment}: ${timings(k)}${k.problems.length ? `; ${k.problems.join("; ")}` : ""}`);
  const problems = report.runs.flatMap((r) => r.problems.map((p) => `${r.victim === "app" ? SERVER[r.moment] : "postgres"} ${r.moment} ${r.trigger}: ${p}`));
  const logs = report.logProblems.length ? [`Server errors in the apps' logs:`, ...report.logProblems.slice(0, 10)] : [];
  return [...table, "", ...kills, ...(problems.length ? ["", "Problems:", ...problems] : []), ...logs].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { victim: { type: "string", multiple: true }, moment: { type: "string", multiple: true } } });
  await buildApps();
  const report = await runCrashSuite({ slot: scriptEnv.testSlot(), victims: values.victim as Victim[] | undefined, moments: values.moment as Moment[] | undefined });
  const { passed, failed } = tallyCrashReport(report);
  console.log(`\n${formatCrashReport(report)}\n\n${passed} passed, ${failed} failed in ${report.seconds.toFixed(0)} s (set-up ${report.setupSeconds.toFixed(0)} s).`);
  process.exit(failed ? 1 : 0);
}
