import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter, LIMITS } from "./rate-limit.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test.drop());

const secret = new Uint8Array(32).fill(7);
const outcome = (promise: Promise<void>) =>
  promise.then(
    () => "ok",
    (e) => `${e.code}:${e.details?.retryAfterSeconds > 0}`,
  );

describe("rate limiter (PostgreSQL)", () => {
  it("holds a budget of N at N under parallel requests from two instances", async () => {
    // Two limiters with their own pools, as two app instances would have.
    const a = createRateLimiter({ databaseUrl: test.url, secret });
    const b = createRateLimiter({ databaseUrl: test.url, secret });
    const email = "banyak.daftar@contoh.id";
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => outcome((i % 2 ? a : b).consume("registrationEmail", email))));
    expect(results.filter((r) => r === "ok")).toHaveLength(LIMITS.registrationEmail.points);
    expect(results.filter((r) => r === "RATE_LIMITED:true")).toHaveLength(20 - LIMITS.registrationEmail.points);
    // Another subject has its own budget.
    expect(await outcome(a.consume("registrationEmail", "lain@contoh.id"))).toBe("ok");
  });

  it("leases points to each instance, and still never lets a budget past N across two of them", async () => {
    const a = createRateLimiter({ databaseUrl: test.url, secret });
    const b = createRateLimiter({ databaseUrl: test.url, secret });
    const budget = LIMITS.apiKey.points;
    const results = await Promise.all(Array.from({ length: budget + 100 }, (_, i) => outcome((i % 2 ? a : b).consume("apiKey", "AbCdEf0123"))));
    const admitted = results.filter((r) => r === "ok").length;
    // Points leased but not yet handed out when the store says no are lost: a handful at most.
    expect(admitted).toBeLessThanOrEqual(budget);
    expect(admitted).toBeGreaterThanOrEqual(budget - 10);
    expect(results.filter((r) => r !== "ok").every((r) => r === "RATE_LIMITED:true")).toBe(true);
    // One row, which counted every point leased (refused leases too).
    const stored = await test.db.rateLimit.findMany({ where: { key: { startsWith: "apiKey:" } }, select: { points: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.points).toBeGreaterThanOrEqual(admitted);
    // A refused instance answers from memory until the window ends.
    expect(await outcome(a.consume("apiKey", "AbCdEf0123"))).toBe("RATE_LIMITED:true");
  });

  it("stores keyed hashes, never the subject itself", async () => {
    const limiter = createRateLimiter({ databaseUrl: test.url, secret });
    await limiter.consume("registrationPhone", "+6281234567890");
    const keys = (await test.db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.some((k) => k.includes("6281234567890") || k.includes("contoh.id"))).toBe(false);
    expect(keys.some((k) => k.startsWith("registrationPhone:"))).toBe(true);
  });

  it("multiplies per-IP budgets only", async () => {
    const limiter = createRateLimiter({ databaseUrl: test.url, secret, ipMultiplier: 2 });
    const ip = await Promise.all(Array.from({ length: 25 }, () => outcome(limiter.consume("registrationIp", "198.51.100.9"))));
    expect(ip.filter((r) => r === "ok")).toHaveLength(LIMITS.registrationIp.points * 2);
    const phone = await Promise.all(Array.from({ length: 8 }, () => outcome(limiter.consume("registrationPhone", "+6281200000000"))));
    expect(phone.filter((r) => r === "ok")).toHaveLength(LIMITS.registrationPhone.points);
  });
});
