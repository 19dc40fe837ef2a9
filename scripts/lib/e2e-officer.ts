import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Db, OfficerRole } from "@ktp/db";
import argon2 from "argon2";

// Officers for e2e tests: each test makes its own, with a counter of its own Dinas, so no test
// depends on the demo officers or on what another test did to their lockout or sessions.

export interface E2eOfficer {
  nip: string;
  nama: string;
  password: string;
  counter: string;
}

/** A password scripts/test.ts's log check knows, so a leak of it into a log fails the run. */
export const E2E_OFFICER_PASSWORD = "sandi-loket-uji";

export async function createE2eOfficer(db: Db, { kabupatenKode = "64.72", role = "COUNTER", nama = "RATNA PETUGAS UJI" }: { kabupatenKode?: string; role?: OfficerRole; nama?: string } = {}): Promise<E2eOfficer> {
  const nip = `1988${String(randomInt(1e9, 1e10))}${String(randomInt(1e3, 1e4))}`.slice(0, 18);
  const counter = `E2E-${randomInt(1e5, 1e6)}`;
  await db.counter.create({ data: { code: counter, name: `Loket Uji ${counter}`, kabupatenKode } });
  await db.officer.create({ data: { nip, nama, role, passwordHash: await argon2.hash(E2E_OFFICER_PASSWORD, { type: argon2.argon2id }), kabupatenKode } });
  return { nip, nama, password: E2E_OFFICER_PASSWORD, counter };
}

/** Signs `officer` in at their counter on `page` (whose baseURL is the officer console). */
export async function signInOfficer(page: Page, officer: E2eOfficer) {
  await page.goto("/masuk");
  await page.getByLabel("NIP").fill(officer.nip);
  await page.getByLabel("Kata sandi").fill(officer.password);
  await page.getByLabel("Loket").selectOption(officer.counter);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByTestId("officer").waitFor();
}
