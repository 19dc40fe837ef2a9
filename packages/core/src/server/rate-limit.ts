import "server-only";
import { createHmac } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../universal/errors.ts";
import { log } from "./log.ts";
import { deriveKey } from "./secrets.ts";

// Rate limits kept in PostgreSQL (table app.rate_limit, created by a migration), so every
// instance of every app counts against one budget. Each consume is one atomic upsert.
// Subjects (NIK, e-mail, phone, NIP, IP) are stored as keyed hashes, never in clear.
// The list below is the policy; docs/security.md explains each line.

export const LIMITS = {
  /** SIAK check: whether a NIK exists and is alive is personal, so guessing is slow. */
  nikVerifyIp: { points: 60, seconds: 60, per: "ip" },
  registrationIp: { points: 10, seconds: 3600, per: "ip" },
  registrationEmail: { points: 5, seconds: 86_400, per: "subject" },
  registrationPhone: { points: 5, seconds: 86_400, per: "subject" },
  /** A selfie costs about a second of CPU, usable or not. */
  selfieIp: { points: 30, seconds: 3600, per: "ip" },
  /** Sign-in challenges and passkey answers (each challenge is a row). */
  signInIp: { points: 30, seconds: 600, per: "ip" },
  pinIp: { points: 30, seconds: 600, per: "ip" },
  /** Every other citizen step (PIN choice, device binding, QR scan, e-mail link). */
  citizenStepIp: { points: 120, seconds: 600, per: "ip" },
  /** "Lanjutkan di ponsel" QR codes one registration may make (each replaces the last). */
  handoffRegistration: { points: 10, seconds: 3600, per: "subject" },
  /** Claims of such codes from one address: a code is 256 bits, so this only slows noise. */
  handoffClaimIp: { points: 30, seconds: 600, per: "ip" },
  /** "Ponsel hilang" links: each is an e-mail to the owner. */
  lostPhoneIp: { points: 10, seconds: 3600, per: "ip" },
  /**
   * Counts every NIK alike, so a refusal reveals nothing. Its window equals a link's lifetime
   * (LOST_PHONE_LINK_MINUTES) and links do not replace each other, so while a stranger has spent
   * it, a link sent within the window is still valid in the owner's inbox: the owner is never blocked.
   */
  lostPhoneNik: { points: 5, seconds: 1800, per: "subject" },
  officerSignInIp: { points: 30, seconds: 900, per: "ip" },
  /** Mirrors the officer lockout for NIPs that do not exist, so a locked answer reveals nothing. */
  officerSignInNip: { points: 5, seconds: 900, per: "subject" },
  /** Every signed-in officer request. */
  officerNip: { points: 600, seconds: 60, per: "subject", lease: 10 },
  /** The scan page's sign-in (password step and passkey step). */
  staffSignInIp: { points: 30, seconds: 900, per: "ip" },
  /** Mirrors the staff lockout for e-mails that have no account, so a locked answer reveals nothing. */
  staffSignInEmail: { points: 5, seconds: 900, per: "subject" },
  /** Scans by one signed-in staff member: a busy counter scans a few a minute. */
  staffScan: { points: 120, seconds: 60, per: "subject" },
  /** Every verifier request with an API key. */
  apiKey: { points: 600, seconds: 60, per: "subject", lease: 10 },
  /** Requests with a wrong or missing API key: guessing keys is slow. */
  apiKeyFailIp: { points: 30, seconds: 600, per: "ip" },
  /** The card renews its QR every two minutes; a purpose switch or a reload asks for another. */
  identityQrCitizen: { points: 120, seconds: 3600, per: "subject" },
  /** A day's offline batch (864 signatures): a few per day is plenty. */
  offlineBatchCitizen: { points: 12, seconds: 86_400, per: "subject" },
  /** The offline wallet's snapshot: fetched when the card opens, at most every few minutes. */
  walletSnapshotCitizen: { points: 60, seconds: 3600, per: "subject" },
  /** "Is this phone's binding still in force?", asked by the offline wallet on its next contact. */
  offlineBindingIp: { points: 120, seconds: 600, per: "ip" },
  /** Organisations registering (each one waits for an admin). */
  orgRegisterIp: { points: 5, seconds: 3600, per: "ip" },
  /** The public receipt check (one signature check each). */
  receiptCheckIp: { points: 60, seconds: 60, per: "ip" },
  /** Public, cacheable documents (JWKS, status list), fetched by verifiers' pages and servers. */
  publicKeysIp: { points: 600, seconds: 60, per: "ip" },
} as const satisfies Record<string, { points: number; seconds: number; per: "ip" | "subject"; lease?: number }>;

export type LimitName = keyof typeof LIMITS;

export interface RateLimiter {
  /** Counts one request of `subject` against `limit`; throws RATE_LIMITED (429) once it is spent. */
  consume(limit: LimitName, subject: string): Promise<void>;
  /** Gives a point back (a right password after wrong ones). */
  reward(limit: LimitName, subject: string): Promise<void>;
}

export interface CreateRateLimiterOptions {
  databaseUrl: string;
  /** Keys the hash of each subject. */
  secret: Uint8Array;
  /** Multiplies the per-IP budgets (many test clients share one address); 1 in production. */
  ipMultiplier?: number;
}

export function createRateLimiter({ databaseUrl, secret, ipMultiplier = 1 }: CreateRateLimiterOptions): RateLimiter {
  // A count lost in a crash lets a few extra requests through once; waiting for the WAL flush on
  // every request would cost more than that is worth. So these commits do not wait for it.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, options: "-c synchronous_commit=off" });
  // An idle connection that dies with PostgreSQL is an 'error' event on the pool: without a
  // listener it is an uncaught exception that ends the whole app. The pool drops it and reconnects.
  pool.on("error", (err) => log.warn({ err: { message: err.message } }, "rate-limit pool: idle connection lost"));
  const limiters = new Map<LimitName, RateLimiterPostgres>();
  const limiter = (name: LimitName) => {
    let found = limiters.get(name);
    if (!found) {
      const { points, seconds, per } = LIMITS[name];
      found = new RateLimiterPostgres({
        storeClient: pool,
        schemaName: "app",
        tableName: "rate_limit",
        tableCreated: true,
        keyPrefix: name,
        points: per === "ip" ? Math.max(1, Math.round(points * ipMultiplier)) : points,
        duration: seconds,
      });
      limiters.set(name, found);
    }
    return found;
  };
  const key = (subject: string) => createHmac("sha256", secret).update(subject).digest("base64url").slice(0, 32);

  const refused = (name: LimitName, msBeforeNext: number) => new AppError("RATE_LIMITED", { details: { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)), limit: name } });
  const leases = new Leases();

  return {
    async consume(name, subject) {
      const hashed = key(subject);
      const lease = (LIMITS[name] as { lease?: number }).lease;
      if (lease)
        return leases.take(
          `${name}:${hashed}`,
          lease,
          (points) => limiter(name).consume(hashed, points),
          (ms) => refused(name, ms),
        );
      try {
        await limiter(name).consume(hashed);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        throw refused(name, error.msBeforeNext);
      }
    },
    async reward(name, subject) {
      await limiter(name).reward(key(subject));
    },
  };
}

/**
 * Points taken from the shared store a few at a time and handed out in this process, for the
 * busiest per-subject budgets (a bank's API key at hundreds a minute): most requests then cost no
 * round trip. The store only ever counts points taken, so a budget is never exceeded across
 * instances; a lease left unused when its window ends is lost, and a lease asked near the end of a
 * budget may be refused while single points remain. So leases shrink as the budget runs down (to
 * a quarter of what is left), and a subject refused by the store is refused here, without asking
 * again, until its window ends.
 */
class Leases {
  /** Subjects held at once; past this, a new subject is counted a point at a time in the store. */
  private static readonly MAX_HELD = 10_000;
  private readonly held = new Map<string, { left: number; until: number; next: number; refusedUntil: number; asking?: Promise<void> }>();
  private swept = 0;

  async take(id: string, size: number, ask: (points: number) => Promise<RateLimiterRes>, refuse: (msBeforeNext: number) => AppError): Promise<void> {
    for (;;) {
      const now = Date.now();
      let lease = this.held.get(id);
      if (!lease) {
        if (this.held.size >= Leases.MAX_HELD && !this.makeRoom(now)) {
          try {
            await ask(1);
            return;
          } catch (error) {
            if (error instanceof RateLimiterRes) throw refuse(error.msBeforeNext);
            throw error;
          }
        }
        this.held.set(id, (lease = { left: 0, until: 0, next: size, refusedUntil: 0 }));
      }
      if (lease.refusedUntil > now) throw refuse(lease.refusedUntil - now);
      if (lease.left > 0 && lease.until > now) {
        lease.left--;
        return;
      }
      if (lease.asking) {
        await lease.asking;
        continue;
      }
      const points = lease.until > now ? lease.next : size;
      const entry = lease;
      entry.asking = ask(points)
        .then(
          (res) => {
            entry.left = points;
            entry.until = Date.now() + res.msBeforeNext;
            entry.next = Math.max(1, Math.min(size, Math.floor(res.remainingPoints / 4)));
          },
          (error: unknown) => {
            if (!(error instanceof RateLimiterRes)) throw error;
            entry.left = 0;
            entry.refusedUntil = Date.now() + error.msBeforeNext;
          },
        )
        .finally(() => (entry.asking = undefined));
    }
  }

  /** Forgets ended leases (at most once a second: a full map is scanned whole); whether there is room now. */
  private makeRoom(now: number): boolean {
    if (now - this.swept >= 1000) {
      this.swept = now;
      for (const [id, lease] of this.held) if (lease.until <= now && lease.refusedUntil <= now && !lease.asking) this.held.delete(id);
    }
    return this.held.size < Leases.MAX_HELD;
  }
}

/**
 * The process's one limiter for an app, from its configuration (APP_SECRET keys the subjects'
 * hashes); kept across hot reloads. `enabled: false` (RATE_LIMITS=off, benchmarks only) never refuses.
 */
export function processRateLimiter({ databaseUrl, appSecret, ipMultiplier, enabled }: { databaseUrl: string; appSecret: string; ipMultiplier: number; enabled: boolean }): RateLimiter {
  if (!enabled) return NO_LIMITS;
  const holder = globalThis as { ktpLimiter?: RateLimiter };
  return (holder.ktpLimiter ??= createRateLimiter({ databaseUrl, secret: deriveKey(appSecret, "rate-limit"), ipMultiplier }));
}

/** A limiter that never refuses, for use-cases called from scripts and tests that do not test limits. */
export const NO_LIMITS: RateLimiter = { consume: async () => {}, reward: async () => {} };
