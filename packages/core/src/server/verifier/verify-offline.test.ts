import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createActivatedCitizen } from "@ktp/testing/residents";
import type { Purpose } from "../../universal/identity/purposes.ts";
import { type OfflinePack, verifyOffline } from "../../universal/identity/verify-offline.ts";
import { issueOfflineBatch, issueOnlinePresentation } from "../identity/issue-presentations.ts";
import { forgetCachedKeys, publishedKeys } from "../identity/issuer-keys.ts";
import { signStatusList } from "../identity/status-list.ts";
import { deriveKey } from "../secrets.ts";

// The verifier page's offline check (universal/identity/verify-offline.ts) in Node's WebCrypto,
// against tokens and status lists the platform really issued.

const sealKey = deriveKey("test-secret-that-is-long-enough-000000", "issuer-keys");
const ISSUER = "https://ktp-digital.id";
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
  forgetCachedKeys();
}, 60_000);
afterAll(() => test.drop());

async function citizen() {
  const { resident, registration } = await createActivatedCitizen(test.db, { nama: "SITI NURHALIZA", tanggalLahir: new Date(Date.UTC(1985, 7, 17)) });
  return { registrationId: registration.id, nik: resident.nik };
}

/** What the page fetches while online: the JWKS and list 1, signed at `at`. */
async function pack(at = new Date()): Promise<OfflinePack> {
  const { jwt } = await signStatusList({ db: test.db, sealKey, list: 1, uri: `${ISSUER}/api/status/1`, now: at });
  return { issuer: ISSUER, jwks: await publishedKeys(test.db), statusLists: { 1: jwt }, fetchedAt: at.getTime() };
}

const check = (token: string, purpose: Purpose, offline: OfflinePack, extra: { now?: number; maxStatusAgeMinutes?: number; purposes?: string[] } = {}) =>
  verifyOffline({ token, purpose, purposes: extra.purposes ?? ["bank", "age17", "airport"], pack: offline, maxStatusAgeMinutes: extra.maxStatusAgeMinutes ?? 60, now: extra.now });

describe("offline verification", () => {
  it("shows what the citizen shared and the verifier may see, from the token alone (no photo offline)", async () => {
    const who = await citizen();
    const { qr } = await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, ...who, purpose: "bank" });
    const offline = await pack();
    const bank = await check(qr, "bank", offline);
    expect(bank).toMatchObject({ verdict: "valid", reason: null, fields: { nik: who.nik, nama: "SITI NURHALIZA", tanggalLahir: "1985-08-17", ageOver17: true }, withheld: [] });
    expect(bank.fields.photo).toBeUndefined();
    expect(bank.statusAt).toBe(offline.fetchedAt - (offline.fetchedAt % 1000));
    // An age check learns only "17 or over" from the same token.
    expect(await check(qr, "age17", offline)).toMatchObject({ verdict: "valid", fields: { ageOver17: true } });
    expect(Object.keys((await check(qr, "age17", offline)).fields)).toEqual(["ageOver17"]);
  });

  it("checks the tokens of a day's offline batch in their own 5-minute windows", async () => {
    const who = await citizen();
    const { tokens } = await issueOfflineBatch({ db: test.db, sealKey, issuer: ISSUER, ...who });
    const offline = await pack();
    const later = tokens.find((t) => t.purpose === "airport" && t.validFrom.getTime() > Date.now() + 3600_000)!;
    expect(await check(later.qr, "airport", offline)).toMatchObject({ verdict: "invalid", reason: "TOKEN_NOT_YET_VALID" });
    const at = later.validFrom.getTime() + 60_000;
    expect(await check(later.qr, "airport", offline, { now: at, maxStatusAgeMinutes: 24 * 60 })).toMatchObject({ verdict: "valid", fields: { nama: "SITI NURHALIZA" } });
  });

  it("refuses forgeries, strangers' keys, expired tokens and purposes the organisation lacks, each with its reason", async () => {
    const who = await citizen();
    const { qr } = await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, ...who, purpose: "bank" });
    const offline = await pack();
    expect((await check("KTP1:RUSAK", "bank", offline)).reason).toBe("TOKEN_MALFORMED");
    expect((await check(qr, "bank", { ...offline, jwks: { keys: [] } })).reason).toBe("TOKEN_UNKNOWN_KEY");
    expect((await check(qr, "bank", { ...offline, issuer: "https://palsu.example" })).reason).toBe("TOKEN_UNKNOWN_KEY");
    const other = { ...offline.jwks.keys[0]!, x: offline.jwks.keys[0]!.x.replace(/^./, (c) => (c === "A" ? "B" : "A")) };
    expect((await check(qr, "bank", { ...offline, jwks: { keys: [other] } })).reason).toMatch(/TOKEN_BAD_SIGNATURE|TOKEN_UNKNOWN_KEY/);
    expect((await check(qr, "bank", offline, { now: Date.now() + 10 * 60_000 })).reason).toBe("TOKEN_EXPIRED");
    expect((await check(qr, "bank", offline, { purposes: ["airport"] })).reason).toBe("PURPOSE_NOT_ALLOWED");
  });

  it("says revoked or locked from the cached list, and only 'belum dapat dipastikan' when the list is too old or not genuine", async () => {
    const locked = await citizen();
    const { qr } = await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, ...locked, purpose: "bank" });
    const before = await pack();
    await test.db.registration.update({ where: { id: locked.registrationId }, data: { lockedAt: new Date() } });
    const after = await pack(new Date(Date.now() + 1000));
    expect((await check(qr, "bank", before)).verdict).toBe("valid");
    expect(await check(qr, "bank", after)).toMatchObject({ verdict: "invalid", reason: "IDENTITY_LOCKED" });

    const revoked = await citizen();
    const token = (await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, ...revoked, purpose: "airport" })).qr;
    await test.db.device.updateMany({ where: { registrationId: revoked.registrationId }, data: { revokedAt: new Date() } });
    expect(await check(token, "airport", await pack(new Date(Date.now() + 2000)))).toMatchObject({ verdict: "invalid", reason: "TOKEN_REVOKED" });

    const fine = await citizen();
    const fresh = (await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, ...fine, purpose: "airport" })).qr;
    const old = await pack(new Date(Date.now() - 61 * 60_000));
    expect(await check(fresh, "airport", old)).toMatchObject({ verdict: "unknown", reason: "STATUS_UNKNOWN", fields: {}, statusAt: expect.any(Number) });
    expect((await check(fresh, "airport", old, { maxStatusAgeMinutes: 6 * 60 })).verdict).toBe("valid");
    const current = await pack();
    const [h, p, s] = current.statusLists[1]!.split(".");
    const forged = { ...current, statusLists: { 1: `${h}.${p}.${s!.slice(0, -4)}AAAA` } };
    expect(await check(fresh, "airport", forged)).toMatchObject({ verdict: "unknown", reason: "STATUS_UNKNOWN", statusAt: null });
    expect((await check(fresh, "airport", { ...current, statusLists: {} })).verdict).toBe("unknown");
  });
});
