import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createResident } from "@ktp/testing/residents";
import { hashPin } from "./pin-hash.ts";
import { checkPin } from "./check-pin.ts";

let test: TestDatabase;
let pinHash: string;
const pinPepper = Buffer.from("pepper-for-tests-only-000000000000");
const RIGHT = "284519";
const WRONG = "730164";

beforeAll(async () => {
  test = await createTestDatabase();
  pinHash = await hashPin(RIGHT, pinPepper);
});
afterAll(() => test.drop());

async function activeCitizen() {
  const resident = await createResident(test.db);
  const { id } = await test.db.registration.create({
    data: { nik: resident.nik, email: "a@contoh.id", phone: "+6281234567890", step: "ACTIVE", resumeTokenHash: resident.nik.padEnd(64, "0"), pinHash },
  });
  return id;
}
type Attempt = { code: string; details?: Record<string, number> };
const attempt = (registrationId: string, pin: string): Promise<Attempt> =>
  checkPin({ db: test.db, registrationId, pin, pinPepper }).then(
    () => ({ code: "OK" }),
    (e) => ({ code: e.code as string, details: e.details }),
  );
const unlock = (id: string) => test.db.registration.update({ where: { id }, data: { pinLockedUntil: new Date(Date.now() - 1000) } });

describe("checkPin", () => {
  it("accepts the right PIN and forgets earlier mistakes", async () => {
    const id = await activeCitizen();
    expect((await attempt(id, WRONG)).code).toBe("PIN_WRONG");
    expect((await attempt(id, RIGHT)).code).toBe("OK");
    expect(await test.db.registration.findUniqueOrThrow({ where: { id }, select: { pinFailures: true, pinLockedUntil: true } })).toEqual({ pinFailures: 0, pinLockedUntil: null });
  });

  it("waits 30 s after the 5th wrong PIN, then twice as long after each further one", async () => {
    const id = await activeCitizen();
    for (let i = 1; i <= 4; i++) expect(await attempt(id, WRONG)).toEqual({ code: "PIN_WRONG", details: { attemptsBeforeCounter: 10 - i } });
    expect(await attempt(id, WRONG)).toEqual({ code: "PIN_WRONG", details: { attemptsBeforeCounter: 5, retryAfterSeconds: 30 } });
    const locked = await attempt(id, RIGHT);
    expect(locked.code).toBe("PIN_LOCKED");
    expect(locked.details?.retryAfterSeconds).toBeGreaterThan(25);
    await unlock(id);
    expect(await attempt(id, WRONG)).toEqual({ code: "PIN_WRONG", details: { attemptsBeforeCounter: 4, retryAfterSeconds: 60 } });
  });

  it("sends the citizen to the counter at the 10th wrong PIN, after which even the right PIN is refused", async () => {
    const id = await activeCitizen();
    for (let i = 1; i <= 9; i++) {
      await unlock(id);
      await attempt(id, WRONG);
    }
    await unlock(id);
    expect((await attempt(id, WRONG)).code).toBe("PIN_LOCKED_COUNTER");
    await unlock(id);
    expect((await attempt(id, RIGHT)).code).toBe("PIN_LOCKED_COUNTER");
  });

  it("checks at most five guesses when twenty arrive at once", async () => {
    const id = await activeCitizen();
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(id, WRONG)));
    expect(results.filter((r) => r.code === "PIN_WRONG")).toHaveLength(5);
    expect(results.filter((r) => r.code === "PIN_LOCKED")).toHaveLength(15);
    expect((await test.db.registration.findUniqueOrThrow({ where: { id }, select: { pinFailures: true } })).pinFailures).toBe(5);
  });
});
