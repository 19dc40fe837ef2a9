import type { APIRequestContext } from "@playwright/test";
import { createLocalJWKSet, jwtVerify } from "jose";
import { CITIZEN, expect, test } from "./fixtures.ts";

// POST /api/v1/verify over HTTP (docs/api/verify.openapi.yaml): a bank's back end checks the QR a
// citizen's phone got from the citizen app, and gets the fields, the photo and a signed receipt.

/** A QR as the citizen's card gets it from the citizen app. */
async function citizenQr(request: APIRequestContext, cookie: { name: string; value: string }, purpose: string) {
  const response = await request.get(`${CITIZEN}/api/kartu/qr?purpose=${purpose}`, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
  expect(response.status()).toBe(200);
  return (await response.json()).qr as string;
}

test("a bank's back end verifies a QR and gets the fields and a receipt; errors have codes", async ({ request, approvedOrg, apiKey, signedInCitizen }) => {
  const key = await apiKey(await approvedOrg("PT Bank Uji E2E", ["bank", "age17"]), ["bank", "age17"]);
  const { nik, cookie } = await signedInCitizen("BUDI SANTOSO");
  const qr = await citizenQr(request, cookie, "bank");
  const verify = (body: unknown, bearer: string | null = key) => request.post("/api/v1/verify", { data: body, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  const ok = await verify({ token: qr, purpose: "bank", branch: "kcp samarinda ulu" });
  expect(ok.status()).toBe(200);
  const result = await ok.json();
  expect(result).toMatchObject({ verdict: "valid", reason: null, fields: { nik, nama: "BUDI SANTOSO" }, receiptId: expect.any(String) });
  const jwks = await (await request.get(`${CITIZEN}/.well-known/jwks.json`)).json();
  const { payload } = await jwtVerify(result.receipt, createLocalJWKSet(jwks), { typ: "ktp-receipt+jwt" });
  expect(payload.jti).toBe(result.receiptId);

  // Another organisation with the same QR: already used.
  const other = await apiKey(await approvedOrg("PT Bank Lain E2E", ["bank"]), ["bank"]);
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
