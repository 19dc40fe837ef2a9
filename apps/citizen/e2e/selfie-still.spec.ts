import { expect, test } from "@playwright/test";

// Runs with a fake front camera showing a still photo of a face: liveness must not pass.
test("a photo held up to the camera is never captured: it does not blink", async ({ page }) => {
  await page.goto("/swafoto");
  await page.getByRole("button", { name: "Buka kamera" }).click();
  await expect(page.getByRole("status")).toHaveText("Kedipkan mata Anda.", { timeout: 30_000 });
  await page.waitForTimeout(6_000);
  await expect(page.getByRole("status")).toHaveText("Kedipkan mata Anda.");
  await expect(page.getByTestId("selfie-result")).toHaveCount(0);
});
