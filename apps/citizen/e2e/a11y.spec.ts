import { createHash, randomBytes, randomInt } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { RegistrationStep } from "@ktp/core/universal/registration";
import { expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "@ktp/testing/axe";
import { createResident, deleteResident } from "@ktp/testing/residents";
import { expect, test } from "./fixtures.ts";

// Issue 13 item 9, "accessible and light": every citizen page, signed out, in the middle of a
// registration and signed in, passes axe (WCAG 2.0 A/AA, 2.1 AA) with no serious or critical
// violation, at 390 px and at 320 px, where nothing scrolls sideways. Screenshots of each page at
// each width land in .data/screenshots/a11y/.

// axe takes seconds a page when the two cores are shared; each test checks many pages.
test.describe.configure({ timeout: 120_000 });

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots/a11y");
const WIDTHS = [390, 320] as const;

/** axe, the width check and a screenshot of the page as it is. */
async function check(page: Page, width: number, name: string) {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expectNoHorizontalScroll(page);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
}

for (const width of WIDTHS) {
  test.describe(`a11y at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 320 ? 640 : 844 } });

    test("signed-out pages", async ({ page }) => {
      for (const [name, url] of [
        ["home", "/"],
        ["masuk", "/masuk"],
        ["masuk-dari", "/masuk?dari=%2Fkartu"],
        ["daftar", "/daftar"],
        ["aktivasi", "/aktivasi?t=uji"],
        ["aktivasi-tanpa-token", "/aktivasi"],
        ["ponsel-hilang", "/ponsel-hilang"],
        ["ponsel-hilang-kunci", "/ponsel-hilang/kunci?t=uji"],
        ["lupa-pin-tanpa-kunci-sandi", "/masuk/lupa-pin"],
        ["404", "/tidak-ada"],
      ] as const) {
        await page.goto(url);
        await check(page, width, name);
      }
      // The home page's NIK check, with its verdict shown.
      await page.goto("/");
      await page.getByRole("textbox", { name: /NIK/ }).fill("6472051003120001");
      await page.getByRole("button", { name: "Verifikasi Data" }).click();
      await expect(page.getByTestId("nik-result")).toBeVisible();
      await check(page, width, "home-verdict");
    });

    test("the registration's step pages", async ({ page, context, db, baseURL }) => {
      const steps: [RegistrationStep, string][] = [
        ["SELFIE", "daftar-swafoto"],
        ["PIN", "daftar-pin"],
        ["DEVICE", "daftar-perangkat"],
        ["COUNTER", "daftar-loket"],
        ["EMAIL", "daftar-status"],
      ];
      const resident = await createResident(db);
      try {
        for (const [step, name] of steps) {
          // A registration standing at `step`, resumed by its cookie, as the step pages find one.
          const token = randomBytes(32).toString("base64url");
          const registration = await db.registration.create({
            data: {
              nik: resident.nik,
              email: `a11y.${randomBytes(4).toString("hex")}@contoh.id`,
              phone: `+62812${String(randomInt(0, 1e8)).padStart(8, "0")}`,
              step,
              resumeTokenHash: createHash("sha256").update(token).digest("hex"),
            },
          });
          await context.addCookies([{ name: "ktp_daftar", value: token, url: baseURL! }]);
          await page.goto(`/daftar/${name.slice("daftar-".length)}`);
          await check(page, width, name);
          await db.registration.delete({ where: { id: registration.id } });
        }
      } finally {
        await deleteResident(db, resident);
      }
    });

    test("the wallet's pages, signed in", async ({ page, activeCitizen }) => {
      await activeCitizen();
      await page.goto("/kartu");
      await expect(page.getByTestId("identity-qr")).toBeVisible();
      await check(page, width, "kartu");
      for (const name of ["keluarga", "dokumen", "biodata", "riwayat", "aktivitas", "akun"]) {
        await page.goto(`/${name}`);
        await check(page, width, name);
      }
    });
  });
}

test("a11y: the QR's text alternative says until when it is valid, in WIB, and follows each renewal", async ({ page, activeCitizen }) => {
  await page.clock.install();
  await activeCitizen();
  await page.goto("/kartu");
  const qr = page.getByTestId("identity-qr");
  const wib = (iso: string) => new Date(iso).toLocaleTimeString("id-ID", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit" });
  const first = (await qr.getAttribute("data-expires-at"))!;
  await expect(qr.getByRole("img")).toHaveAccessibleName(`Kode QR KTP Digital, berlaku sampai ${wib(first)}`);
  expect(wib(first)).toMatch(/^\d{2}\.\d{2}$/);

  // Two minutes on, the QR has renewed and so has its name.
  await page.clock.runFor(125_000);
  await expect(qr).not.toHaveAttribute("data-expires-at", first);
  const second = (await qr.getAttribute("data-expires-at"))!;
  await expect(qr.getByRole("img")).toHaveAccessibleName(`Kode QR KTP Digital, berlaku sampai ${wib(second)}`);

  await page.getByRole("button", { name: "Switch language to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("KTP Digital");
  await expect(qr).toBeVisible();
  const third = (await qr.getAttribute("data-expires-at"))!;
  const english = new Date(third).toLocaleTimeString("en-GB", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit" });
  await expect(qr.getByRole("img")).toHaveAccessibleName(`KTP Digital QR code, valid until ${english} WIB`);
});
