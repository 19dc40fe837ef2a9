import { expect, test, uniqueContact } from "./fixtures.ts";

// Runs with a fake front camera showing a still photo of a face: liveness must not pass.
test("a photo held up to the camera is never captured: it does not blink", async ({ page, resident }) => {
  test.setTimeout(60_000);
  const { nik } = await resident({ photo: 2 });
  await page.goto("/daftar");
  await page.getByRole("textbox", { name: "NIK" }).fill(nik);
  await page.getByRole("textbox", { name: "E-mail" }).fill(uniqueContact("warga").email);
  await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(uniqueContact().phoneTyped);
  await page.getByRole("button", { name: "Verifikasi Data" }).click();
  await page.getByRole("button", { name: "Buka kamera" }).click();
  await expect(page.getByRole("status")).toHaveText("Kedipkan mata Anda.", { timeout: 30_000 });
  // Sixty frames of the still face analysed, as the page itself counts them (rather than a fixed
  // sleep on a slow or fast machine), and still no blink, no capture.
  await expect.poll(async () => Number(await page.locator("video").getAttribute("data-frames")), { timeout: 40_000 }).toBeGreaterThanOrEqual(60);
  await expect(page.getByRole("status")).toHaveText("Kedipkan mata Anda.");
  await expect(page.getByTestId("selfie-result")).toHaveCount(0);
});
