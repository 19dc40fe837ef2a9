import { expect, test } from "@playwright/test";

const BUDI = "6472051708850001"; // demo resident: eligible
const RIZKY = "6472051003120001"; // demo resident: under 17
const SUPARMAN = "6472050501400001"; // demo resident: deceased

test.describe("citizen home", () => {
  test("renders in Indonesian by default, without console errors", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "id");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("KTP Digital di ponsel Anda");
    await expect(page.getByRole("button", { name: "Verifikasi Data" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("switches to English and remembers it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Switch language to English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your KTP on your phone");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Ganti bahasa ke Bahasa Indonesia" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("KTP Digital di ponsel Anda");
  });

  test("explains a mistyped NIK before sending it", async ({ page }) => {
    let requests = 0;
    page.on("request", (r) => r.url().includes("/api/siak/") && requests++);
    await page.goto("/");
    await page.getByRole("textbox", { name: /NIK/ }).fill("6472 0517 0885");
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    await expect(page.locator("#nik-error")).toHaveText("NIK harus terdiri dari 16 digit.");
    await expect(page.getByRole("textbox", { name: /NIK/ })).toHaveAttribute("aria-invalid", "true");
    expect(requests).toBe(0);
  });

  test("verifies an eligible resident against SIAK and masks the name", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("textbox", { name: /NIK/ }).fill(BUDI);
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    const result = page.getByTestId("nik-result");
    await expect(result).toContainText("NIK ini dapat diaktifkan");
    await expect(result).toContainText("BU** SA*****");
  });

  test("says why an under-17 resident cannot activate", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("textbox", { name: /NIK/ }).fill(RIZKY);
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    const result = page.getByTestId("nik-result");
    await expect(result).toContainText("belum dapat diaktifkan");
    // The verdict is in the text (and so in what a screen reader says), not only in the CSS mark.
    await expect(result.getByRole("listitem")).toHaveText(["Penduduk tercatat hidup: ya", "Berusia 17 tahun atau lebih, atau sudah/pernah kawin: tidak", "Sudah melakukan perekaman e-KTP: tidak"]);
    await expect(result).toContainText("Kartu Identitas Anak (KIA)");
  });

  test("tells a deceased resident's family plainly, without 'not yet'", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("textbox", { name: /NIK/ }).fill(SUPARMAN);
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    const result = page.getByTestId("nik-result");
    await expect(result).toContainText("tercatat meninggal dunia, sehingga NIK ini tidak dapat diaktifkan");
    await expect(result).not.toContainText("belum dapat diaktifkan");
    await expect(result.getByRole("listitem").first()).toHaveText("Penduduk tercatat hidup: tidak");
  });

  test("groups the NIK in fours as it is typed or pasted, and takes no more than 16 digits", async ({ page }) => {
    await page.goto("/");
    const field = page.getByRole("textbox", { name: /NIK/ });
    await expect(field).not.toHaveAttribute("placeholder");
    await field.fill("6472.0517-08850001999");
    await expect(field).toHaveValue("6472 0517 0885 0001");
  });

  test("says when SIAK has no such NIK", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("textbox", { name: /NIK/ }).fill("6472051708859999");
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    await expect(page.getByTestId("nik-result")).toContainText("tidak ditemukan di SIAK Terpusat");
  });

  test("is installable: a web app manifest in Indonesian, PNG and maskable icons, and iOS home-screen metadata", async ({ page, request }) => {
    const manifest = await (await request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ id: "/", name: "KTP Digital", short_name: "KTP Digital", lang: "id", display: "standalone", start_url: "/kartu", theme_color: "#0b4ea2" });
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
    for (const [sizes, purpose] of [
      ["192x192", "any"],
      ["512x512", "any"],
      ["192x192", "maskable"],
      ["512x512", "maskable"],
    ]) {
      const icon = icons.find((i) => i.sizes === sizes && i.purpose === purpose && i.type === "image/png");
      expect(icon, `${purpose} ${sizes}`).toBeDefined();
      const png = await request.get(icon!.src);
      expect(png.headers()["content-type"]).toBe("image/png");
    }
    await page.goto("/");
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/icons/apple-touch-icon.png");
    await expect(page.locator('meta[name="mobile-web-app-capable"], meta[name="apple-mobile-web-app-capable"]').first()).toHaveAttribute("content", "yes");
    await expect(page.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute("content", "KTP Digital");
  });

  test("offers 'Pasang KTP Digital' when the browser fires beforeinstallprompt, and the Share hint on iOS Safari", async ({ page, browser, baseURL }) => {
    await page.goto("/");
    await expect(page.getByTestId("install-prompt")).toHaveCount(0);
    // Chrome fires it only for a site it judges installable after some use: the test fires one itself.
    await page.evaluate(() => {
      const offer = Object.assign(new Event("beforeinstallprompt", { cancelable: true }), {
        prompt: () => Promise.resolve(((window as unknown as { prompted: boolean }).prompted = true)),
        userChoice: Promise.resolve({ outcome: "accepted" }),
      });
      dispatchEvent(offer);
    });
    await page.getByRole("button", { name: "Pasang KTP Digital" }).click();
    expect(await page.evaluate(() => (window as unknown as { prompted: boolean }).prompted)).toBe(true);
    await expect(page.getByTestId("install-prompt")).toHaveCount(0);

    const iphone = await browser.newContext({
      baseURL,
      viewport: { width: 390, height: 844 },
      userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
    });
    const safari = await iphone.newPage();
    await safari.goto("/");
    await expect(safari.getByTestId("install-prompt")).toContainText("Bagikan → Tambahkan ke Layar Utama");
    await iphone.close();
  });
});
