import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createActivatedCitizen } from "@ktp/testing/residents";
import { hashPin } from "../account/pin-hash.ts";
import { deriveKey } from "../secrets.ts";
import { setIdentityLock } from "./lock-identity.ts";
import { listVerificationHistory, reportVerification } from "./verification-history.ts";

const pinPepper = deriveKey("test-secret-that-is-long-enough-000000", "pin-pepper");
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test.drop());

async function citizenWithPin(pin = "284519") {
  const { registration } = await createActivatedCitizen(test.db);
  await test.db.registration.update({ where: { id: registration.id }, data: { pinHash: await hashPin(pin, pinPepper) } });
  return registration.id;
}

async function verifiedBy(registrationId: string, legalName: string) {
  const org = await test.db.verifierOrg.create({
    data: {
      legalName,
      registrationNumber: `NIB-${randomBytes(4).toString("hex")}`,
      type: "BANK",
      purposes: ["bank"],
      status: "APPROVED",
      contactEmail: "x@contoh.id",
      offlineStatusMaxMinutes: 60,
      branches: { create: [{ name: "KCP Pusat", city: "Jakarta" }] },
    },
    include: { branches: true },
  });
  return test.db.verification.create({
    data: { orgId: org.id, branchId: org.branches[0]!.id, registrationId, askedPurpose: "bank", sharedPurpose: "bank", verdict: "valid", fields: ["nama", "nik", "photo"] },
  });
}

describe("Kunci KTP Digital", () => {
  it("locks and unlocks with the right PIN, and audits both; a wrong PIN changes nothing", async () => {
    const registrationId = await citizenWithPin();
    await expect(setIdentityLock({ db: test.db, registrationId, pin: "000000", pinPepper, locked: true })).rejects.toMatchObject({ code: "PIN_WRONG" });
    expect((await test.db.registration.findUniqueOrThrow({ where: { id: registrationId } })).lockedAt).toBeNull();
    await setIdentityLock({ db: test.db, registrationId, pin: "284519", pinPepper, locked: true });
    expect((await test.db.registration.findUniqueOrThrow({ where: { id: registrationId } })).lockedAt).not.toBeNull();
    await setIdentityLock({ db: test.db, registrationId, pin: "284519", pinPepper, locked: false });
    expect((await test.db.registration.findUniqueOrThrow({ where: { id: registrationId } })).lockedAt).toBeNull();
    expect((await test.db.auditEvent.findMany({ where: { registrationId }, orderBy: { at: "asc" } })).map((e) => e.action)).toEqual(["citizen.lock", "citizen.unlock"]);
  });
});

describe("Riwayat verifikasi", () => {
  it("lists who verified the citizen, newest first, with branch and fields, and nobody else's", async () => {
    const mine = await citizenWithPin();
    const someoneElse = await citizenWithPin();
    await verifiedBy(mine, "PT Bank Satu");
    await verifiedBy(mine, "PT Bank Dua");
    await verifiedBy(someoneElse, "PT Bank Tiga");
    const history = await listVerificationHistory({ db: test.db, registrationId: mine });
    expect(history.map((h) => h.organisation)).toEqual(["PT Bank Dua", "PT Bank Satu"]);
    expect(history[0]).toMatchObject({ branch: "KCP Pusat, Jakarta", purpose: "bank", verdict: "valid", fields: ["nama", "nik", "photo"], reportedAt: null });
  });

  it("a report is taken once, even sent twice at once, is audited, and only for one's own entries", async () => {
    const mine = await citizenWithPin();
    const other = await citizenWithPin();
    const entry = await verifiedBy(mine, "PT Bank Laporan");
    const results = await Promise.allSettled([1, 2, 3].map(() => reportVerification({ db: test.db, registrationId: mine, verificationId: entry.id, note: "Saya tidak pernah ke bank ini" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => r.reason.code)).toEqual(["ALREADY_REPORTED", "ALREADY_REPORTED"]);
    await expect(reportVerification({ db: test.db, registrationId: other, verificationId: entry.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await test.db.auditEvent.count({ where: { registrationId: mine, action: "citizen.report_verification" } })).toBe(1);
  });
});
