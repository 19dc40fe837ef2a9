import { createHash, randomBytes } from "node:crypto";
import { createDb } from "@ktp/db";
import { createActivatedCitizen } from "@ktp/db/testing";
import { expect, test } from "@playwright/test";
import { createLocalJWKSet, jwtVerify } from "jose";

// POST /api/v1/verify over HTTP (docs/api/verify.openapi.yaml): a bank's back end checks the QR a
// citizen's phone got from the citizen app, and gets the fields, the photo and a signed receipt.

const CITIZEN = process.env.E2E_CITIZEN_URL ?? "http://localhost:3100";
const db = createDb({ url: process.env.DATABASE_URL!, maxConnections: 2 });
test.afterAll(() => db.$disconnect());

/** An approved organisation and one API key, made in the database (the officer console's part is tested elsewhere). */
async function approvedOrgWithKey(name: string, purposes: ("bank" | "airport" | "age17")[]) {
  const org = await db.verifierOrg.create({
    data: {
      legalName: name, registrationNumber: `NIB-${randomBytes(5).toString("hex")}`, type: "BANK", purposes, status: "APPROVED", contactEmail: "it@contoh.co.id", offlineStatusMaxMinutes: 60,
      branches: { create: [{ name: "KCP Samarinda Ulu", city: "Samarinda" }] },
    },
  });
  const prefix = randomBytes(5).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  await db.verifierApiKey.create({ data: { orgId: org.id, prefix, secretHash: createHash("sha256").update(secret).digest("hex"), purposes, label: "e2e" } });
  return `vk_${prefix}_${secret}`;
}

/** A QR as the citizen's card gets it: an activated citizen signed in, asking the citizen app. */
async function citizenQr(request: import("@playwright/test").APIRequestContext, purpose: string) {
  const { resident, registration } = await createActivatedCitizen(db, { nama: "BUDI SANTOSO" });
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await db.citizenSession.create({ data: { tokenHash: createHash("sha256").update(token).digest("hex"), registrationId: registration.id, passkeyVerifiedAt: now, pinVerifiedAt: now, expiresAt: new Date(now.getTime() + 600_000) } });
  const response = await request.get(`${CITIZEN}/api/kartu/qr?purpose=${purpose}`, { headers: { cookie: `ktp_sesi=${token}` } });
  expect(response.status()).toBe(200);
  return { qr: (await response.json()).qr as string, nik: resident.nik };
}

test("a bank's back end verifies a QR and gets the fields and a receipt; errors have codes", async ({ request }) => {
  const key = await approvedOrgWithKey("PT Bank Uji E2E", ["bank", "age17"]);
  const { qr, nik } = await citizenQr(request, "bank");
  const verify = (body: unknown, bearer: string | null = key) =>
    request.post("/api/v1/verify", { data: body, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  const ok = await verify({ token: qr, purpose: "bank", branch: "kcp samarinda ulu" });
  expect(ok.status()).toBe(200);
  const result = await ok.json();
  expect(result).toMatchObject({ verdict: "valid", reason: null, fields: { nik, nama: "BUDI SANTOSO" }, receiptId: expect.any(String) });
  const jwks = await (await request.get(`${CITIZEN}/.well-known/jwks.json`)).json();
  const { payload } = await jwtVerify(result.receipt, createLocalJWKSet(jwks), { typ: "ktp-receipt+jwt" });
  expect(payload.jti).toBe(result.receiptId);

  // Another organisation with the same QR: already used.
  const other = await approvedOrgWithKey("PT Bank Lain E2E", ["bank"]);
  expect(await (await verify({ token: qr, purpose: "bank" }, other)).json()).toMatchObject({ verdict: "invalid", reason: "PRESENTATION_USED" });

  // Not a token: a verdict with its reason. Bad requests: 4xx with a code.
  expect(await (await verify({ token: "KTP1:RUSAK", purpose: "bank" })).json()).toMatchObject({ verdict: "invalid", reason: "TOKEN_MALFORMED", receiptId: null });
  const codes = async (response: Promise<import("@playwright/test").APIResponse>) => {
    const r = await response;
    return `${r.status()} ${(await r.json()).error?.code}`;
  };
  expect(await codes(verify({ token: qr, purpose: "bank" }, null))).toBe("401 API_KEY_INVALID");
  expect(await codes(verify({ token: qr, purpose: "bank" }, `${key.slice(0, -3)}abc`))).toBe("401 API_KEY_INVALID");
  expect(await codes(verify({ token: qr, purpose: "semua" }))).toBe("400 PURPOSE_UNKNOWN");
  expect(await codes(verify({ token: qr, purpose: "bank", branch: "Cabang Fiktif" }))).toBe("400 BRANCH_UNKNOWN");
  expect(await codes(verify({ token: "x\u0000y", purpose: "bank" }))).toBe("400 VALIDATION_FAILED");
});
