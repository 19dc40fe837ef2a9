import { createPublicKey, verify } from "node:crypto";
import { getListFromStatusListJWT } from "@sd-jwt/jwt-status-list";
import { createLocalJWKSet, jwtVerify } from "jose";
import QRCode from "qrcode";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createActivatedCitizen } from "@ktp/testing/residents";
import { parsePresentation } from "../../universal/identity/token.ts";
import { STATUS_LIST_SIZE } from "../../universal/identity/status.ts";
import { deriveKey } from "../secrets.ts";
import { issueOfflineBatch, issueOnlinePresentation } from "./issue-presentations.ts";
import { findVerificationKey, forgetCachedKeys, getSigningKey, KEY_POLICY, publishedKeys, rotateIssuerKey } from "./issuer-keys.ts";
import { signStatusList } from "./status-list.ts";

const sealKey = deriveKey("test-secret-that-is-long-enough-000000", "issuer-keys");
const ISSUER = "https://ktp-digital.id";
const DAY = 24 * 3600_000;
let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
}, 60_000);
afterAll(() => test.drop());
beforeEach(async () => {
  forgetCachedKeys();
  await test.db.issuerKey.deleteMany();
});

const verifies = async (qr: string, now = new Date()) => {
  const parsed = parsePresentation(qr);
  const key = await findVerificationKey(test.db, parsed.kid, now);
  return key !== null && verify(null, parsed.signed, key, parsed.signature);
};

describe("issuer keys", () => {
  it("creates the first key on first use and keeps its private key sealed", async () => {
    const key = await getSigningKey({ db: test.db, sealKey, use: "IDENTITY" });
    const row = await test.db.issuerKey.findUniqueOrThrow({ where: { kid: key.kid } });
    const pkcs8 = key.privateKey.export({ format: "der", type: "pkcs8" });
    expect(Buffer.from(row.privateKeySealed).includes(pkcs8.subarray(-32))).toBe(false);
    const jwks = await publishedKeys(test.db);
    expect(jwks.keys).toEqual([{ kty: "OKP", crv: "Ed25519", x: expect.any(String), kid: key.kid, alg: "EdDSA", use: "sig" }]);
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("two processes starting at once create one key, not two", async () => {
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => {
        forgetCachedKeys();
        return getSigningKey({ db: test.db, sealKey, use: "IDENTITY" });
      }),
    );
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await test.db.issuerKey.count()).toBe(1);
  });

  it("publishes the successor a day before it signs, and the old key until its tokens have expired", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const first = await getSigningKey({ db: test.db, sealKey, use: "IDENTITY", now: start });
    const { rotateEveryMs, prepublishMs, outlivesRetirementMs } = KEY_POLICY.IDENTITY;
    // The day before rotation: the successor is published but the first key still signs.
    const dayBefore = new Date(start.getTime() + rotateEveryMs - prepublishMs + 1000);
    forgetCachedKeys();
    expect((await getSigningKey({ db: test.db, sealKey, use: "IDENTITY", now: dayBefore })).kid).toBe(first.kid);
    expect((await publishedKeys(test.db, dayBefore)).keys).toHaveLength(2);
    // After rotation the successor signs; the first key is still published…
    const after = new Date(start.getTime() + rotateEveryMs + 1000);
    forgetCachedKeys();
    const second = await getSigningKey({ db: test.db, sealKey, use: "IDENTITY", now: after });
    expect(second.kid).not.toBe(first.kid);
    expect((await publishedKeys(test.db, after)).keys.map((k) => k.kid)).toContain(first.kid);
    // …until nothing it signed can be valid.
    const gone = new Date(start.getTime() + rotateEveryMs + outlivesRetirementMs + 1000);
    expect((await publishedKeys(test.db, gone)).keys.map((k) => k.kid)).not.toContain(first.kid);
  });

  it("rotates by command; a revoked key's tokens stop verifying at once, an earlier key's do not", async () => {
    const { resident, registration } = await createActivatedCitizen(test.db);
    const options = { db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik };
    const before = await issueOnlinePresentation({ ...options, purpose: "airport" });
    const rotated = await rotateIssuerKey({ db: test.db, sealKey, use: "IDENTITY", immediately: true });
    forgetCachedKeys();
    const after = await issueOnlinePresentation({ ...options, purpose: "airport" });
    expect(parsePresentation(after.qr).kid).toBe(rotated.kid);
    expect(await verifies(before.qr)).toBe(true);
    // The key that signed `after` leaks: it is revoked, and a third key signs from now on.
    const third = await rotateIssuerKey({ db: test.db, sealKey, use: "IDENTITY", revoke: true });
    forgetCachedKeys();
    expect(await verifies(after.qr)).toBe(false);
    expect(await verifies(before.qr)).toBe(true);
    expect((await getSigningKey({ db: test.db, sealKey, use: "IDENTITY" })).kid).toBe(third.kid);
  });
});

describe("identity tokens", () => {
  it("online: one token, valid two minutes, with the purpose's fields and nothing else", async () => {
    const { resident, registration } = await createActivatedCitizen(test.db, { nama: "SITI NURHALIZA", tanggalLahir: new Date(Date.UTC(1985, 7, 17)) });
    const now = new Date();
    const token = await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik, purpose: "age17", now });
    const { claims } = parsePresentation(token.qr);
    expect(claims.exp - claims.iat).toBe(120);
    expect(claims.fields).toEqual({ ageOver17: true });
    expect(Buffer.from(token.qr).includes(resident.nik)).toBe(false);
    expect(await verifies(token.qr)).toBe(true);
    const bank = parsePresentation((await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik, purpose: "bank", now })).qr);
    expect(bank.claims.fields).toMatchObject({ nik: resident.nik, nama: "SITI NURHALIZA", tanggalLahir: "1985-08-17" });
    // The same hour's tokens share a pseudonym and a status entry; their presentation ids differ.
    expect(bank.claims.sub).toEqual(claims.sub);
    expect(bank.claims.pid).not.toEqual(claims.pid);
    expect(
      parsePresentation((await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik, purpose: "full", now })).qr).claims.fields,
    ).toEqual({});
  });

  it("offline: 24 hours of five-minute windows for each offline purpose, each QR at most version 13", async () => {
    const { resident, registration } = await createActivatedCitizen(test.db);
    const batch = await issueOfflineBatch({ db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik });
    expect(batch.tokens).toHaveLength(3 * 288);
    expect(batch.expiresAt.getTime() - batch.issuedAt.getTime()).toBeGreaterThanOrEqual(DAY - 1000);
    const windows = batch.tokens.filter((t) => t.purpose === "bank");
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.validFrom.getTime()).toBe(windows[i - 1]!.expiresAt.getTime());
    const subs = new Set(batch.tokens.map((t) => Buffer.from(parsePresentation(t.qr).claims.sub).toString("hex")));
    expect(subs.size).toBe(1);
    for (const purpose of ["age17", "airport", "bank"]) {
      const longest = batch.tokens.filter((t) => t.purpose === purpose).reduce((a, b) => (a.qr.length > b.qr.length ? a : b));
      expect(QRCode.create(longest.qr, { errorCorrectionLevel: "M" }).version, purpose).toBeLessThanOrEqual(13);
    }
  });

  it("a locked KTP Digital gets no tokens", async () => {
    const { resident, registration } = await createActivatedCitizen(test.db);
    await test.db.registration.update({ where: { id: registration.id }, data: { lockedAt: new Date() } });
    await expect(issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik, purpose: "bank" })).rejects.toMatchObject({
      code: "IDENTITY_LOCKED",
    });
  });
});

describe("status list", () => {
  it("is read by an independent implementation: the lock suspends, a reset or a death invalidates", async () => {
    const issue = async (options = {}) => {
      const { resident, registration } = await createActivatedCitizen(test.db, options);
      const token = await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik, purpose: "age17" });
      return { resident, registration, idx: parsePresentation(token.qr).claims.status.idx };
    };
    const valid = await issue();
    const locked = await issue();
    const reset = await issue();
    const dead = await issue();
    await test.db.registration.update({ where: { id: locked.registration.id }, data: { lockedAt: new Date() } });
    await test.db.registration.update({ where: { id: reset.registration.id }, data: { step: "SUPERSEDED" } });
    await test.db.penduduk.update({ where: { nik: dead.resident.nik }, data: { tanggalMeninggal: new Date() } });

    const uri = `${ISSUER}/api/status/1`;
    const { jwt, ttl } = await signStatusList({ db: test.db, sealKey, list: 1, uri });
    // The library does not check signatures: that is done here, against the published JWKS.
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(await publishedKeys(test.db)), { typ: "statuslist+jwt", subject: uri });
    expect(protectedHeader.alg).toBe("EdDSA");
    expect(payload.ttl).toBe(ttl);
    const list = getListFromStatusListJWT(jwt);
    expect(list.getBitsPerStatus()).toBe(2);
    expect(list.getStatus(valid.idx)).toBe(0);
    expect(list.getStatus(locked.idx)).toBe(2);
    expect(list.getStatus(reset.idx)).toBe(1);
    expect(list.getStatus(dead.idx)).toBe(1);
    // Padded to its full size whoever is in it.
    expect(() => list.getStatus(STATUS_LIST_SIZE - 1)).not.toThrow();
  });

  it("keys verify with the JWK a verifier gets from the JWKS", async () => {
    const key = await getSigningKey({ db: test.db, sealKey, use: "IDENTITY" });
    const [jwk] = (await publishedKeys(test.db)).keys;
    const data = new TextEncoder().encode("data");
    expect(verify(null, data, createPublicKey({ key: jwk as never, format: "jwk" }), key.sign(data))).toBe(true);
  });
});
