import { expect, test } from "@playwright/test";

// Runs with a fake front camera showing a woman who blinks (scripts/lib/fake-camera.ts).
test("a selfie is taken only after a blink, and the server accepts it", async ({ page }) => {
  await page.goto("/swafoto");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Swafoto");
  await page.getByRole("button", { name: "Buka kamera" }).click();
  const result = page.getByTestId("selfie-result");
  await expect(result).toHaveText("Swafoto memenuhi syarat untuk dicocokkan dengan foto e-KTP.", { timeout: 30_000 });
  await expect(page.getByRole("img", { name: "Swafoto yang diambil" })).toBeVisible();
  await page.getByRole("button", { name: "Ambil ulang" }).click();
  await page.getByRole("button", { name: "Buka kamera" }).click();
  await expect(result).toHaveText("Swafoto memenuhi syarat untuk dicocokkan dengan foto e-KTP.", { timeout: 30_000 });
});
