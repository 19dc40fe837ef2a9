import { createPublicKey, verify } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { getListFromStatusListJWT } from "@sd-jwt/jwt-status-list";
import { createLocalJWKSet, jwtVerify } from "jose";
import { parsePresentation } from "@ktp/core/universal/identity/token";
import { readQrFromImage } from "@ktp/testing/read-qr";
import { expect, test } from "./fixtures.ts";

// The identity QR on the card (issue 11): the citizen picks what to share; the QR on screen
// decodes, verifies against the public JWKS, renews itself, and its status shows in the list.

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots");

test("the card shows a QR for the chosen purpose that decodes, verifies and renews itself", async ({ page, activeCitizen, db }) => {
  await page.clock.install();
  const { nik, registrationId } = await activeCitizen({ nama: "SITI NURHALIZA", tanggalLahir: new Date(Date.UTC(1985, 7, 17)) });
  await page.goto("/kartu");
  const qr = page.getByTestId("identity-qr");
  await expect(qr).toHaveAttribute("data-purpose", "age17");
  await expect(page.getByText("Hanya bahwa Anda berusia 17 tahun atau lebih")).toBeVisible();

  // What the screen shows is what the DOM says, and it reads back with the verifier's reader.
  const age = (await qr.getAttribute("data-qr"))!;
  expect(await readQrFromImage(await qr.screenshot())).toBe(age);
  const ageToken = parsePresentation(age);
  expect(ageToken.claims).toMatchObject({ purpose: "age17", fields: { ageOver17: true } });
  expect(ageToken.claims.exp - ageToken.claims.iat).toBe(120);
  expect(age).not.toContain(nik);

  await page.getByText("Bank / KYC").click();
  await expect(qr).toHaveAttribute("data-purpose", "bank");
  const bank = parsePresentation((await qr.getAttribute("data-qr"))!);
  expect(bank.claims.fields).toMatchObject({ nik, nama: "SITI NURHALIZA", tanggalLahir: "1985-08-17", nikMasked: `${nik.slice(0, 4)}********${nik.slice(12)}` });
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "kartu-qr-bank.png"), fullPage: true });

  // Signed by a key in the public JWKS.
  const jwks = await (await page.request.get("/.well-known/jwks.json")).json();
  const jwk = jwks.keys.find((k: { kid: string }) => k.kid === bank.kid);
  expect(verify(null, bank.signed, createPublicKey({ key: jwk, format: "jwk" }), bank.signature)).toBe(true);

  // Renewed before it expires: 20 s ahead of the two minutes.
  await page.clock.fastForward("01:45");
  await expect(qr).not.toHaveAttribute("data-qr", (await qr.getAttribute("data-qr"))!);
  await expect(qr).toHaveAttribute("data-purpose", "bank");

  // The status list says valid, then suspended once the citizen locks KTP Digital.
  const statusOf = async () => {
    const response = await page.request.get(`/api/status/${bank.claims.status.list}`);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    const jwt = await response.text();
    await jwtVerify(jwt, createLocalJWKSet(jwks), { typ: "statuslist+jwt" });
    return getListFromStatusListJWT(jwt).getStatus(bank.claims.status.idx);
  };
  expect(await statusOf()).toBe(0);
  await db.registration.update({ where: { id: registrationId }, data: { lockedAt: new Date() } });
  await expect.poll(statusOf, { timeout: 15_000, intervals: [1000] }).toBe(2);
});

test("the card in English, and a signed-out visitor gets no QR", async ({ page, activeCitizen, request }) => {
  await activeCitizen();
  await page.goto("/kartu");
  await page.getByRole("button", { name: "Switch language to English" }).click();
  await expect(page.getByText("Only that you are 17 or older")).toBeVisible();
  const anonymous = await request.get("/api/kartu/qr?purpose=bank", { headers: { cookie: "" } });
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("NOT_SIGNED_IN");
  const badPurpose = await page.request.get("/api/kartu/qr?purpose=semua");
  expect(badPurpose.status()).toBe(400);
  expect((await badPurpose.json()).error.code).toBe("PURPOSE_UNKNOWN");
});
