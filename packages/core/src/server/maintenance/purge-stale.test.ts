import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createResident } from "@ktp/testing/residents";
import { hashToken, newToken } from "../secrets.ts";
import { purgeStale } from "./purge-stale.ts";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test.drop());

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("purgeStale", () => {
  it("cancels abandoned registrations and erases their selfies, deletes old ended ones, expired sessions and codes; keeps the rest", async () => {
    const registration = async (step: "SELFIE" | "COUNTER" | "SUPERSEDED" | "ACTIVE", updatedDaysAgo: number) => {
      const resident = await createResident(test.db);
      const { id } = await test.db.registration.create({
        data: { nik: resident.nik, email: "a@contoh.id", phone: "+6281234567890", step, resumeTokenHash: hashToken(newToken()), selfieEncrypted: new Uint8Array([1, 2, 3]) },
      });
      await test.db.$executeRaw`UPDATE app.registration SET updated_at = ${daysAgo(updatedDaysAgo)} WHERE id = ${id}::uuid`;
      return id;
    };
    const abandoned = await registration("COUNTER", 15);
    const recent = await registration("SELFIE", 2);
    const oldEnded = await registration("SUPERSEDED", 91);
    const active = await registration("ACTIVE", 400);
    await test.db.citizenSession.create({ data: { tokenHash: hashToken(newToken()), expiresAt: daysAgo(2) } });
    const live = await test.db.citizenSession.create({ data: { tokenHash: hashToken(newToken()), expiresAt: new Date(Date.now() + 60_000) } });
    await test.db.$executeRaw`INSERT INTO app.rate_limit (key, points, expire) VALUES ('old', 1, ${Date.now() - 7200_000}), ('live', 1, ${Date.now() + 60_000})`;

    const result = await purgeStale({ db: test.db });
    expect(result).toMatchObject({ abandoned: 1, deletedRegistrations: 1, citizenSessions: 1, rateLimits: 1 });

    const rows = await test.db.registration.findMany({ where: { id: { in: [abandoned, recent, oldEnded, active] } }, select: { id: true, step: true, selfieEncrypted: true } });
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[abandoned]).toMatchObject({ step: "CANCELLED", selfieEncrypted: null });
    expect(byId[recent]!.step).toBe("SELFIE");
    expect(byId[oldEnded]).toBeUndefined();
    expect(byId[active]!.step).toBe("ACTIVE");
    expect(await test.db.citizenSession.count({ where: { id: live.id } })).toBe(1);
    expect(await test.db.rateLimit.count({ where: { key: "live" } })).toBe(1);
  });
});
