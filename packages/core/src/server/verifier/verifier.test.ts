import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createLocalJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createCounterSession } from "@ktp/testing/officer";
import { createActivatedCitizen } from "@ktp/testing/residents";
import type { Purpose } from "../../universal/identity/purposes.ts";
import { encodePresentation, parsePresentation } from "../../universal/identity/token.ts";
import type { TRegisterVerifierOrgRequest } from "../../universal/verifier.ts";
import { issueOnlinePresentation } from "../identity/issue-presentations.ts";
import { forgetCachedKeys, getSigningKey, publishedKeys } from "../identity/issuer-keys.ts";
import { deriveKey } from "../secrets.ts";
import { authenticateApiKey, createApiKey, revokeApiKey } from "./api-keys.ts";
import { decideVerifierOrg } from "./decide-verifier-org.ts";
import { registerVerifierOrg } from "./register-verifier-org.ts";
import { verifyPresentation, type VerifyingOrg } from "./verify-presentation.ts";

const sealKey = deriveKey("test-secret-that-is-long-enough-000000", "issuer-keys");
const ISSUER = "https://ktp-digital.id";
let test: TestDatabase;
let officerId: string;
let bank: VerifyingOrg;
let airport: VerifyingOrg;

const orgRequest = (over: Partial<TRegisterVerifierOrgRequest> = {}): TRegisterVerifierOrgRequest => ({
  legalName: "PT Bank Uji Nusantara Tbk",
  registrationNumber: `NIB-${randomBytes(4).toString("hex")}`,
  type: "BANK",
  purposes: ["bank", "age17"],
  contactEmail: "kepatuhan@bankuji.co.id",
  branches: [{ name: "KCP Samarinda Ulu", city: "Samarinda" }],
  ...over,
});

async function approvedOrg(request: TRegisterVerifierOrgRequest): Promise<VerifyingOrg> {
  const { id } = await registerVerifierOrg({ db: test.db, request });
  await decideVerifierOrg({ db: test.db, actor: { id: officerId }, orgId: id, decision: "APPROVE" });
  const org = await test.db.verifierOrg.findUniqueOrThrow({ where: { id } });
  return { id, legalName: org.legalName, purposes: org.purposes };
}

beforeAll(async () => {
  test = await createTestDatabase();
  forgetCachedKeys();
  officerId = (await createCounterSession(test.db)).officer.id;
  bank = await approvedOrg(orgRequest());
  airport = await approvedOrg(orgRequest({ legalName: "PT Angkasa Pura Uji", type: "AIRLINE_AIRPORT", purposes: ["airport"] }));
}, 60_000);
afterAll(() => test.drop());

async function citizenToken(purpose: Purpose, now = new Date()) {
  const { resident, registration } = await createActivatedCitizen(test.db, { nama: "SITI NURHALIZA", tanggalLahir: new Date(Date.UTC(1985, 7, 17)) });
  await test.db.fotoEktp.create({ data: { nik: resident.nik, gambar: PHOTO, mime: "image/jpeg", diambilPada: now } });
  const { qr } = await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik, purpose, now });
  return { qr, nik: resident.nik, registrationId: registration.id };
}

/** Longer than one line of PostgreSQL's base64 (76 characters), which the data: URL must not keep. */
const PHOTO = new Uint8Array([0xff, 0xd8, ...randomBytes(300), 0xff, 0xd9]);

const check = (org: VerifyingOrg, token: string, purpose: Purpose, now?: Date) => verifyPresentation({ db: test.db, sealKey, issuer: ISSUER, org, token, purpose, now });

describe("online verification", () => {
  it("shows a bank what the citizen shared, with the e-KTP photo, and a receipt anyone can check", async () => {
    const { qr, nik, registrationId } = await citizenToken("bank");
    const result = await check(bank, qr, "bank");
    expect(result).toMatchObject({ verdict: "valid", reason: null, withheld: [] });
    expect(result.fields).toMatchObject({ nik, nama: "SITI NURHALIZA", tanggalLahir: "1985-08-17", ageOver17: true, photo: `data:image/jpeg;base64,${Buffer.from(PHOTO).toString("base64")}` });
    const { payload, protectedHeader } = await jwtVerify(result.receipt!, createLocalJWKSet(await publishedKeys(test.db)), { issuer: ISSUER, typ: "ktp-receipt+jwt" });
    expect(payload).toMatchObject({ jti: result.receiptId, purpose: "bank", org: { id: bank.id, name: bank.legalName }, fields: expect.arrayContaining(["nik", "photo"]) });
    expect(JSON.stringify(payload)).not.toContain(nik);
    expect(protectedHeader.kid).not.toBe((await getSigningKey({ db: test.db, sealKey, use: "IDENTITY" })).kid);
    // The citizen's history and the audit trail have it.
    expect(await test.db.verification.count({ where: { registrationId, verdict: "valid" } })).toBe(1);
    expect(await test.db.auditEvent.count({ where: { registrationId, action: "verifier.verify" } })).toBe(1);
  });

  it("gives the intersection: a bank scanning an age QR learns the age and is told what was withheld", async () => {
    const { qr } = await citizenToken("age17");
    const result = await check(bank, qr, "bank");
    expect(result.verdict).toBe("valid");
    expect(Object.keys(result.fields).sort()).toEqual(["ageOver17", "photo"]);
    expect(result.withheld).toEqual(expect.arrayContaining(["nama", "nik", "alamat"]));
  });

  it("counts one token once: the same organisation again gets the same receipt, another organisation is refused", async () => {
    const { qr } = await citizenToken("airport");
    const first = await check(airport, qr, "airport");
    const again = await check(airport, qr, "airport");
    expect(again.receiptId).toBe(first.receiptId);
    const bankSees = await check({ ...bank, purposes: [...bank.purposes, "airport"] }, qr, "airport");
    expect(bankSees).toMatchObject({ verdict: "invalid", reason: "PRESENTATION_USED" });
  });

  it("of two organisations presenting one token at once, exactly one wins", async () => {
    for (let round = 0; round < 5; round++) {
      const { qr } = await citizenToken("airport");
      const other = { ...bank, purposes: ["airport"] };
      const results = await Promise.all([check(airport, qr, "airport"), check(other, qr, "airport"), check(airport, qr, "airport"), check(other, qr, "airport")]);
      const winners = new Set(results.filter((r) => r.verdict === "valid").map((r) => r.receiptId));
      expect(winners.size).toBe(1);
      expect(results.filter((r) => r.reason === "PRESENTATION_USED")).toHaveLength(2);
    }
  });

  it("gives every failure its reason", async () => {
    const now = new Date();
    const reasons: Record<string, string | null> = {};
    reasons.malformed = (await check(bank, "KTP1:HELLO", "bank")).reason;
    reasons.notAToken = (await check(bank, "https://example.com", "bank")).reason;

    // Signed with a key of our own under a kid the issuer never had, and under the issuer's kid.
    const { qr } = await citizenToken("bank");
    const { claims, kid } = parsePresentation(qr);
    const { privateKey } = generateKeyPairSync("ed25519");
    const forge = (k: string) => encodePresentation({ ...claims, pid: randomBytes(8) }, { kid: k, sign: (d) => new Uint8Array(sign(null, d, privateKey)) });
    reasons.unknownKey = (await check(bank, await forge("AAAAAAAA"), "bank")).reason;
    reasons.badSignature = (await check(bank, await forge(kid), "bank")).reason;
    reasons.otherIssuer = (await check(bank, qr, "bank").then(() => verifyPresentation({ db: test.db, sealKey, issuer: "https://elsewhere.example", org: bank, token: qr, purpose: "bank" }))).reason;

    reasons.expired = (await check(bank, (await citizenToken("bank")).qr, "bank", new Date(now.getTime() + 10 * 60_000))).reason;
    reasons.notYetValid = (await check(bank, (await citizenToken("bank", new Date(now.getTime() + 10 * 60_000))).qr, "bank", now)).reason;
    const revoked = await citizenToken("bank");
    await test.db.registration.update({ where: { id: revoked.registrationId }, data: { step: "SUPERSEDED" } });
    reasons.revoked = (await check(bank, revoked.qr, "bank")).reason;
    const dead = await citizenToken("bank");
    await test.db.penduduk.update({ where: { nik: dead.nik }, data: { tanggalMeninggal: now } });
    reasons.dead = (await check(bank, dead.qr, "bank")).reason;
    const locked = await citizenToken("bank");
    await test.db.registration.update({ where: { id: locked.registrationId }, data: { lockedAt: now } });
    reasons.locked = (await check(bank, locked.qr, "bank")).reason;
    reasons.purposeNotAllowed = (await check(bank, (await citizenToken("full")).qr, "full")).reason;
    reasons.notShared = (await check({ ...airport, purposes: ["age17"] }, (await citizenToken("airport")).qr, "age17")).reason;

    expect(reasons).toEqual({
      malformed: "TOKEN_MALFORMED",
      notAToken: "TOKEN_MALFORMED",
      unknownKey: "TOKEN_UNKNOWN_KEY",
      badSignature: "TOKEN_BAD_SIGNATURE",
      otherIssuer: "TOKEN_UNKNOWN_KEY",
      expired: "TOKEN_EXPIRED",
      notYetValid: "TOKEN_NOT_YET_VALID",
      revoked: "TOKEN_REVOKED",
      dead: "TOKEN_REVOKED",
      locked: "IDENTITY_LOCKED",
      purposeNotAllowed: "PURPOSE_NOT_ALLOWED",
      notShared: "NOT_SHARED",
    });
  });
});

describe("organisations and API keys", () => {
  it("registers once per registration number; refusing needs a reason; a decision is made once", async () => {
    const request = orgRequest();
    const { id } = await registerVerifierOrg({ db: test.db, request });
    await expect(registerVerifierOrg({ db: test.db, request })).rejects.toMatchObject({ code: "VERIFIER_ALREADY_REGISTERED" });
    await expect(decideVerifierOrg({ db: test.db, actor: { id: officerId }, orgId: id, decision: "REFUSE" })).rejects.toMatchObject({ code: "REFUSAL_REASON_REQUIRED" });
    const decisions = await Promise.allSettled([
      decideVerifierOrg({ db: test.db, actor: { id: officerId }, orgId: id, decision: "APPROVE", purposes: ["bank"] }),
      decideVerifierOrg({ db: test.db, actor: { id: officerId }, orgId: id, decision: "REFUSE", reason: "Dokumen NIB tidak sesuai" }),
    ]);
    expect(decisions.filter((d) => d.status === "fulfilled")).toHaveLength(1);
    expect(await test.db.auditEvent.count({ where: { actorId: officerId, action: { startsWith: "verifier_org." } } })).toBeGreaterThanOrEqual(3);
  });

  it("an API key is shown once, found by its bearer, scoped to its purposes, and dead once revoked", async () => {
    await expect(
      createApiKey({ db: test.db, orgId: (await registerVerifierOrg({ db: test.db, request: orgRequest() })).id, label: "x", actor: { type: "VERIFIER", id: bank.id } }),
    ).rejects.toMatchObject({ code: "VERIFIER_NOT_APPROVED" });
    const created = await createApiKey({ db: test.db, orgId: bank.id, purposes: ["bank", "full"], label: "Core banking", actor: { type: "VERIFIER", id: bank.id } });
    expect(created.purposes).toEqual(["bank"]);
    expect(JSON.stringify(await test.db.verifierApiKey.findUnique({ where: { id: created.id } }))).not.toContain(created.key.slice("vk_".length + created.prefix.length + 1));
    expect(await authenticateApiKey(test.db, `Bearer ${created.key}`)).toMatchObject({ org: { id: bank.id, purposes: ["bank"] } });
    expect(await authenticateApiKey(test.db, `Bearer ${created.key.slice(0, -2)}xx`)).toBeNull();
    expect(await authenticateApiKey(test.db, null)).toBeNull();
    await revokeApiKey({ db: test.db, orgId: bank.id, prefix: created.prefix, actor: { type: "VERIFIER", id: bank.id } });
    expect(await authenticateApiKey(test.db, `Bearer ${created.key}`)).toBeNull();
  });
});
