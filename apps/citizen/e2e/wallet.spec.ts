import { randomBytes } from "node:crypto";
import path from "node:path";
import { parsePresentation } from "@ktp/core/universal/identity/token";
import { addFamilyMember } from "@ktp/testing/residents";
import { expect, test } from "./fixtures.ts";

// The citizen's side of verification (issue 11): the history of who checked the KTP Digital, with
// "Bukan saya / laporkan" ("Kunci KTP Digital" moved to the account page: account.spec.ts).

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots");

test("the history shows who verified the citizen, and a report reaches Disdukcapil once", async ({ page, activeCitizen, db }) => {
  const { registrationId } = await activeCitizen();
  const org = await db.verifierOrg.create({
    data: {
      legalName: "PT Bank Riwayat Uji",
      registrationNumber: `NIB-${randomBytes(4).toString("hex")}`,
      type: "BANK",
      purposes: ["bank"],
      status: "APPROVED",
      contactEmail: "uji@contoh.id",
      offlineStatusMaxMinutes: 60,
      branches: { create: [{ name: "KCP Sempaja", city: "Samarinda" }] },
    },
    include: { branches: true },
  });
  const entry = await db.verification.create({
    data: {
      orgId: org.id,
      branchId: org.branches[0]!.id,
      registrationId,
      askedPurpose: "bank",
      sharedPurpose: "bank",
      verdict: "valid",
      fields: ["nama", "nik", "photo"],
      receipt: "eyJhbGciOiJFZERTQSJ9.eyJqdGkiOiJ1amkifQ.c2lnbmF0dXJl",
    },
  });
  await page.goto("/kartu");
  await page.getByRole("link", { name: "Riwayat verifikasi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Riwayat verifikasi");
  const item = page.getByTestId("history").getByRole("listitem").first();
  await expect(item).toContainText("PT Bank Riwayat Uji");
  await expect(item).toContainText("KCP Sempaja, Samarinda");
  await expect(item).toContainText("Bank / KYC");
  await expect(item).toContainText("Nama, NIK, Foto");
  // The same signed receipt the bank got.
  await item.getByText(`Bukti verifikasi ${entry.id}`).click();
  await expect(item.getByTestId("history-receipt")).toContainText("eyJhbGciOiJFZERTQSJ9.eyJqdGkiOiJ1amkifQ.c2lnbmF0dXJl");
  await page.screenshot({ path: path.join(SCREENSHOTS, "riwayat.png"), fullPage: true });
  await item.getByRole("button", { name: "Bukan saya / laporkan" }).click();
  await expect(item.getByTestId("reported")).toHaveText("Dilaporkan ke Disdukcapil.");
  expect((await db.verification.findUniqueOrThrow({ where: { id: entry.id } })).reportedAt).not.toBeNull();
  await page.reload();
  await expect(page.getByTestId("reported")).toBeVisible();
});

test("without a network the card still opens and shows a kept QR for these five minutes, saying since when; sign-out forgets it", async ({ page, context, activeCitizen, db }) => {
  const { registrationId } = await activeCitizen();
  await page.goto("/kartu");
  await expect(page.getByTestId("identity-qr")).toHaveAttribute("data-offline", "false");
  // Online, the card keeps a day of QRs and installs the worker that opens it offline.
  await expect(page.locator("[data-offline-ready]")).toHaveAttribute("data-offline-ready", "true");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.reload();
  await expect(page.getByTestId("identity-qr")).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId("ktp-card")).toBeVisible();
  const qr = page.getByTestId("identity-qr");
  await expect(qr).toHaveAttribute("data-offline", "true");
  await expect(page.getByTestId("identity-qr-offline")).toContainText("Offline, diperbarui");
  // The shown QR is the kept one of an offline batch, for the purpose chosen, valid now, for five minutes at most.
  const token = parsePresentation((await qr.getAttribute("data-qr"))!);
  const batch = await db.credentialBatch.findFirstOrThrow({ where: { registrationId, offline: true }, select: { id: true } });
  expect(Buffer.from(token.claims.sub).equals(Buffer.from(batch.id))).toBe(true);
  expect(token.claims.purpose).toBe("age17");
  const now = Date.now() / 1000;
  expect(token.claims.iat).toBeLessThanOrEqual(now + 1);
  expect(token.claims.exp).toBeGreaterThan(now);
  expect(token.claims.exp - token.claims.iat).toBeLessThanOrEqual(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, "kartu-offline.png"), fullPage: true });
  // "Lengkap" carries a reference, checked online only.
  await page.locator("label", { hasText: "Lengkap" }).click();
  await expect(page.getByTestId("identity-qr-error")).toContainText("hanya bisa ditunjukkan saat daring");

  await context.setOffline(false);
  await page.reload();
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk/);
  expect(await page.evaluate(async () => ({ batch: localStorage.getItem("ktp-card-offline"), cached: await caches.has("ktp-card") }))).toEqual({ batch: null, cached: false });
});

test("the family card lists the household from SIAK, masks the others' NIKs and marks the deceased", async ({ page, activeCitizen, db }) => {
  const { nik } = await activeCitizen({ nama: "RINA KELUARGA UJI", tanggalLahir: new Date(Date.UTC(1985, 7, 17)) });
  const { noKk } = await db.penduduk.findUniqueOrThrow({ where: { nik }, select: { noKk: true } });
  const child = await addFamilyMember(db, noKk, { nama: "BAYU KELUARGA UJI", hubunganKeluarga: "ANAK", jenisKelamin: "LAKI_LAKI", tanggalLahir: new Date(Date.UTC(2016, 2, 5)) });
  await addFamilyMember(db, noKk, { nama: "MARYAM KELUARGA UJI", hubunganKeluarga: "ORANG_TUA", tanggalLahir: new Date(Date.UTC(1948, 0, 9)), tanggalMeninggal: new Date(Date.UTC(2023, 5, 1)) });

  await page.goto("/kartu");
  await page.getByRole("link", { name: "Kartu Keluarga" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kartu Keluarga");
  await expect(page.getByTestId("family-card").locator('[data-field="noKk"]')).toHaveText(noKk);
  const members = page.getByTestId("family-members").getByRole("listitem");
  await expect(members).toHaveCount(3);
  await expect(members.nth(0)).toContainText("RINA KELUARGA UJI (Anda)");
  await expect(members.nth(0)).toContainText(nik);
  await expect(members.nth(0)).toContainText("17 Agustus 1985");
  await expect(members.nth(1)).toContainText("BAYU KELUARGA UJI");
  await expect(members.nth(1).locator('[data-field="nik"]')).toHaveText(`${child.nik.slice(0, 6)}••••••${child.nik.slice(12)}`);
  await expect(page.getByText(child.nik)).toHaveCount(0);
  await expect(members.nth(2)).toContainText("Meninggal dunia");
  await page.screenshot({ path: path.join(SCREENSHOTS, "kartu-keluarga.png"), fullPage: true });
});

test("the documents page shows what other agencies hold under the NIK, with each source, and says plainly what is missing", async ({ page, activeCitizen, db }) => {
  const { nik } = await activeCitizen();
  const serial = nik.slice(12);
  await db.npwp.create({ data: { nik, nomor: `09254294${serial}000`, kpp: "KPP Pratama Samarinda Ulu", terdaftarPada: new Date("2012-03-01") } });
  await db.vaksinCovid.create({ data: { nik, dosis: 1, vaksin: "Sinovac", tanggal: new Date("2021-07-04"), lokasi: "RSUD A. Wahab Sjahranie" } });

  await page.goto("/kartu");
  await page.getByRole("link", { name: "Dokumen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dokumen");
  await expect(page.getByTestId("document-npwp")).toContainText(`09254294${serial}000`);
  await expect(page.getByTestId("document-npwp")).toContainText("1 Maret 2012");
  await expect(page.getByTestId("document-npwp")).toContainText("Sumber: Direktorat Jenderal Pajak");
  await expect(page.getByTestId("document-vaccines")).toContainText("Sinovac · 4 Juli 2021 · RSUD A. Wahab Sjahranie");
  for (const missing of ["bpjs", "vehicles", "civilServant", "voter"]) {
    await expect(page.getByTestId(`document-${missing}`)).toContainText("Tidak ada data yang tercatat dengan NIK Anda.");
  }
  await page.screenshot({ path: path.join(SCREENSHOTS, "dokumen.png"), fullPage: true });
});

test("the biodata page shows everything SIAK holds, dates as people write them", async ({ page, activeCitizen, db }) => {
  const { nik } = await activeCitizen({ nama: "WATI BIODATA UJI", tanggalLahir: new Date(Date.UTC(1991, 3, 30)) });
  await db.penduduk.update({ where: { nik }, data: { namaAyah: "SLAMET", namaIbu: null } });
  await page.goto("/kartu");
  await page.getByRole("link", { name: "Biodata" }).click();
  const biodata = page.getByTestId("biodata");
  await expect(biodata.locator('[data-field="nik"]')).toHaveText(nik);
  await expect(biodata.locator('[data-field="tanggalLahir"]')).toHaveText("30 April 1991");
  await expect(biodata.locator('[data-field="namaAyah"]')).toHaveText("SLAMET");
  await expect(biodata.locator('[data-field="namaIbu"]')).toHaveText("Tidak tercatat");
  await expect(biodata.locator('[data-field="ektpDirekamPada"]')).toHaveText("1 Mei 2012");
  await page.screenshot({ path: path.join(SCREENSHOTS, "biodata.png"), fullPage: true });
});

test("a signed-out visit to a wallet page lands on sign-in, which says why", async ({ page }) => {
  await page.goto("/keluarga");
  await expect(page).toHaveURL(/\/masuk\?dari=%2Fkeluarga|\/masuk\?dari=\/keluarga/);
  await expect(page.getByTestId("signed-out")).toHaveText("Anda belum masuk, atau sesi Anda sudah berakhir. Masuk untuk membuka Kartu Keluarga.");
  // Only the wallet's own pages are named; anything else is ignored.
  await page.goto("/masuk?dari=https://contoh.id/");
  await expect(page.getByTestId("signed-out")).toHaveCount(0);
});
