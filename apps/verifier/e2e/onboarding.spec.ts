import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import type { Db } from "@ktp/db";
import { createE2eOfficer, type E2eOfficer, signInOfficer } from "@ktp/testing/officer";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { CITIZEN, expect, signInTeller, test } from "./fixtures.ts";

// An organisation's way in, as its people and Dukcapil's admin live it: it registers on the
// verifier app; the national admin approves it in the officer console for fewer purposes than it
// asked, and is told by e-mail; the admin hands over a staff account and an API key, each shown
// once; the teller signs in with it; a revoked key stops working. Citizens' reports reach the admin.

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots");
const OFFICER = e2eEnv.officerUrl();
const inbox = () => e2eEnv.inboxUrl();

/** The officer console signed in as `officer` (by default a new national admin, at a counter of Ditjen Dukcapil in Jakarta Pusat). */
async function adminConsole(browser: Browser, db: Db, officer?: E2eOfficer): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: OFFICER, locale: "id-ID" })).newPage();
  page.on("dialog", (dialog) => dialog.accept());
  await signInOfficer(page, officer ?? (await createE2eOfficer(db, { role: "ADMIN", kabupatenKode: "31.71", nama: "ADMIN DUKCAPIL UJI" })));
  return page;
}

test("an organisation registers, the admin approves it and hands over a staff account and an API key", async ({ page, browser, request, db }) => {
  const name = `PT Bank Onboarding ${randomBytes(3).toString("hex").toUpperCase()} Tbk`;
  const contact = `kepatuhan.${randomBytes(3).toString("hex")}@bank-onboarding.id`;
  await page.goto("/daftar");
  await page.getByLabel("Nama badan hukum").fill(name);
  await page.getByLabel("Nomor Induk Berusaha (NIB) atau nomor registrasi").fill(`NIB-${randomBytes(4).toString("hex")}`);
  await page.getByRole("checkbox", { name: /Bank \/ KYC/ }).check();
  await page.getByRole("checkbox", { name: /Cek usia 17\+/ }).check();
  await page.getByLabel("E-mail penanggung jawab").fill(contact);
  await page.getByLabel("Nama cabang 1").fill("KCP Samarinda Ulu");
  await page.getByLabel("Kota cabang 1").fill("Samarinda");
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await expect(page.getByRole("status")).toContainText("menunggu persetujuan admin Dukcapil");

  const admin = await adminConsole(browser, db);
  await admin.getByRole("link", { name: "Pengguna data" }).click();
  const org = admin.getByTestId("verifier-org").filter({ hasText: name });
  await expect(org.getByTestId("org-status")).toHaveText("Menunggu keputusan");
  // Granted for bank checks only: the age check it also asked for is left out.
  await org.getByRole("checkbox", { name: "Cek usia 17+" }).uncheck();
  await org.getByRole("button", { name: "Setujui" }).click();
  await expect(org.getByTestId("org-status")).toHaveText("Disetujui");
  await expect(org).toContainText("Keperluan: Bank / KYC");
  const mails: { to: string[]; text: string }[] = await (await fetch(`${inbox()}/api/messages`)).json();
  expect(mails.findLast((m) => m.to.includes(contact))?.text).toContain("disetujui untuk keperluan: Bank / KYC");

  await org.getByLabel("E-mail petugas").fill(`teller.${randomBytes(3).toString("hex")}@bank-onboarding.id`);
  const email = await org.getByLabel("E-mail petugas").inputValue();
  await org.getByLabel("Nama petugas").fill("RINA TELLER");
  await org.getByRole("button", { name: "Buat akun petugas" }).click();
  await expect(org.getByRole("status").filter({ hasText: "Kata sandi pertama" })).toBeVisible();
  const password = (await org.getByTestId("shown-once").textContent())!;
  await expect(org.getByTestId("staff")).toContainText("kunci sandi belum didaftarkan");

  await org.getByLabel('Nama kunci (misalnya "Server KYC produksi")').fill("Server KYC");
  await org.getByRole("button", { name: "Buat kunci API" }).click();
  await expect(org.getByTestId("shown-once")).toHaveText(/^vk_[A-Za-z0-9]{10}_[A-Za-z0-9_-]{43}$/);
  const key = (await org.getByTestId("shown-once").textContent())!;
  await org.screenshot({ path: path.join(SCREENSHOTS, "pengguna-data.png") });
  const verify = () => request.post("/api/v1/verify", { headers: { authorization: `Bearer ${key}` }, data: { token: "BUKAN-QR", purpose: "bank" } });
  expect((await (await verify()).json()).reason).toBe("TOKEN_MALFORMED");
  // Not granted: the key cannot ask for the age check.
  const age = await request.post("/api/v1/verify", { headers: { authorization: `Bearer ${key}` }, data: { token: "BUKAN-QR", purpose: "age17" } });
  const refused = await age.json();
  expect(refused.reason ?? refused.error?.code).toBe("PURPOSE_NOT_ALLOWED");

  // The teller's first sign-in with the password handed over enrols this device's passkey.
  await signInTeller(page, { email, password });
  await admin.reload();
  await expect(org.getByTestId("staff")).toContainText("kunci sandi terdaftar");

  // A lost phone: the admin resets the account; the new password is shown once, the old one no longer works.
  await org.getByTestId("staff").getByRole("button", { name: "Reset akun (ponsel hilang)" }).click();
  await expect(org.getByRole("status").filter({ hasText: "Kata sandi baru" })).toBeVisible();
  await expect(org.getByTestId("staff")).toContainText("kunci sandi belum didaftarkan");
  expect(await org.getByTestId("shown-once").textContent()).not.toBe(password);

  await org.getByTestId("api-key").getByRole("button", { name: "Cabut" }).click();
  await expect(org.getByTestId("api-key")).toContainText("dicabut");
  // Revoked in the officer console's process; the verifier app's cache of keys forgets it within API_KEY_CACHE_MS (10 s).
  await expect.poll(async () => (await verify()).status(), { timeout: 15_000, intervals: [1000] }).toBe(401);
});

test("the admin refuses with a reason the organisation reads; a counter officer may not oversee", async ({ browser, db }) => {
  const name = `PT Pinjaman Kilat ${randomBytes(3).toString("hex").toUpperCase()}`;
  const contact = `admin.${randomBytes(3).toString("hex")}@kilat.id`;
  await db.verifierOrg.create({
    data: { legalName: name, registrationNumber: `NIB-${randomBytes(5).toString("hex")}`, type: "OTHER", purposes: ["full"], contactEmail: contact, offlineStatusMaxMinutes: 60 },
  });
  const admin = await adminConsole(browser, db);
  await admin.goto("/pengguna-data");
  const org = admin.getByTestId("verifier-org").filter({ hasText: name });
  // A blank reason passes the browser's own check, not the server's.
  await org.getByLabel("Alasan (dikirim ke organisasi)").fill("   ");
  await org.getByRole("button", { name: "Tolak" }).click();
  await expect(org.getByRole("status")).toHaveText("Tuliskan alasan penolakan.");
  await org.getByLabel("Alasan (dikirim ke organisasi)").fill("Tidak memiliki izin OJK untuk layanan keuangan.");
  await org.getByRole("button", { name: "Tolak" }).click();
  await expect(org.getByTestId("org-status")).toHaveText("Ditolak");
  const mails: { to: string[]; text: string }[] = await (await fetch(`${inbox()}/api/messages`)).json();
  expect(mails.findLast((m) => m.to.includes(contact))?.text).toContain("Alasan: Tidak memiliki izin OJK untuk layanan keuangan.");

  // Garbage from a signed-in admin: a 4xx with a code, never a 5xx, and nothing changed.
  const orgId = (await db.verifierOrg.findFirstOrThrow({ where: { legalName: name } })).id;
  for (const [path, data] of [
    ["decision", { decision: "APPROVE", purposes: ["bank", "rahasia"] }],
    ["decision", { decision: "SUSPEND" }],
    ["api-keys", { label: "x\u0000y", purposes: ["bank"] }],
    ["staff", { email: "bukan-email", nama: "A" }],
    ["staff/00000000-0000-4000-8000-000000000000", { action: "DELETE" }],
  ] as const) {
    const response = await admin.request.post(`${OFFICER}/api/verifiers/${orgId}/${path}`, { headers: { origin: OFFICER }, data });
    expect(response.status(), path).toBeGreaterThanOrEqual(400);
    expect(response.status(), path).toBeLessThan(500);
  }
  expect((await db.verifierOrg.findUniqueOrThrow({ where: { id: orgId } })).status).toBe("REFUSED");

  const officer = await adminConsole(browser, db, await createE2eOfficer(db));
  await expect(officer.getByRole("link", { name: "Pengguna data" })).toHaveCount(0);
  await officer.goto("/pengguna-data");
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Tidak diizinkan");
  const api = await officer.request.get(`${OFFICER}/api/verifiers`);
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("OFFICER_FORBIDDEN");
});

test('a citizen\'s "Bukan saya" reaches the admin with the verification it points to, and is closed once', async ({ browser, db, approvedOrg, signedInCitizen }) => {
  const org = await approvedOrg(`PT Bank Dilaporkan ${randomBytes(3).toString("hex").toUpperCase()}`, ["bank"]);
  const citizen = await signedInCitizen("SITI PELAPOR");
  const branch = await db.verifierBranch.findFirstOrThrow({ where: { orgId: org.id } });
  const { id } = await db.verification.create({
    data: { orgId: org.id, branchId: branch.id, registrationId: citizen.registrationId, askedPurpose: "bank", sharedPurpose: "bank", verdict: "valid", fields: ["nama", "nik"] },
  });
  const phone = (await browser.newContext({ baseURL: CITIZEN })).request;
  const reported = await phone.post(`/api/riwayat/${id}/laporan`, {
    headers: { origin: CITIZEN, cookie: `${citizen.cookie.name}=${citizen.cookie.value}` },
    data: { note: "Saya tidak pernah ke bank ini" },
  });
  expect(reported.status()).toBeLessThan(300);

  const admin = await adminConsole(browser, db);
  await admin.getByRole("link", { name: "Laporan warga" }).click();
  const report = admin.getByTestId("misuse-report").filter({ hasText: org.legalName });
  await expect(report).toContainText("Terbuka");
  await expect(report).toContainText('Kata warga: "Saya tidak pernah ke bank ini"');
  await expect(report).toContainText("KCP Samarinda Ulu");
  await expect(report).toContainText("Data yang diterima: Nama, NIK");
  await expect(report.getByTestId("report-citizen")).toContainText(`NIK ${citizen.nik.slice(0, 4)}********${citizen.nik.slice(12)}`);
  await report.getByRole("button", { name: "Tampilkan data warga (tercatat di jejak audit)" }).click();
  await expect(report.getByTestId("report-citizen")).toContainText(`NIK ${citizen.nik}`);
  await report.screenshot({ path: path.join(SCREENSHOTS, "laporan-warga.png") });
  await report.getByLabel("Tindak lanjut (disimpan dalam jejak audit)").fill("Bank dihubungi; petugas yang memindai sedang diperiksa.");
  await report.getByRole("button", { name: "Tutup laporan" }).click();
  await expect(report).toContainText("Ditutup");
  await expect(report.getByRole("button", { name: "Tutup laporan" })).toHaveCount(0);
  const again = await admin.request.post(`${OFFICER}/api/reports/${id}`, { headers: { origin: OFFICER }, data: { outcome: "lagi" } });
  expect((await again.json()).error.code).toBe("REPORT_CLOSED");
});
