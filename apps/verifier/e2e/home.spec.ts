import { expect, test } from "@playwright/test";
import { e2eEnv } from "@ktp/testing/e2e-env";

test("verifier home renders in Indonesian, and health is ok", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Periksa KTP Digital tanpa fotokopi");
  expect(await (await request.get("/api/health")).json()).toMatchObject({ status: "ok", app: "verifier" });
});

test("unknown pages get a friendly 404 in the reader's language", async ({ page }) => {
  const response = await page.goto("/tidak-ada");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
});

test.describe("with a browser set to English", () => {
  test.use({ locale: "en-US" });

  test("screens still open in Indonesian until the reader switches", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await page.getByRole("button", { name: "Switch language to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check a KTP Digital without photocopies");
  });
});

test("the second QR reader's WebAssembly comes from this origin, with the security headers", async ({ request }) => {
  const wasm = await request.get("/zxing/zxing_reader.wasm");
  expect(wasm.status()).toBe(200);
  expect(wasm.headers()["content-type"]).toBe("application/wasm");
  expect(wasm.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await wasm.body()).subarray(0, 4)).toEqual(Buffer.from([0x00, 0x61, 0x73, 0x6d]));
  expect((await request.post("/zxing/zxing_reader.wasm", { headers: { origin: e2eEnv.verifierUrl() } })).status()).toBeGreaterThanOrEqual(400);
});
