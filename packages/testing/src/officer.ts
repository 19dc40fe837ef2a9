import { randomBytes, randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Db, OfficerRole } from "@ktp/db";
import { hashPassword } from "@ktp/db/password-hash";

// Officers for tests: each test makes its own, with a counter of its own Dinas, so no test
// depends on the demo officers or on what another test did to their lockout or sessions.

export interface E2eOfficer {
  id: string;
  nip: string;
  nama: string;
  password: string;
  counter: string;
}

/** A password scripts/test.ts's log check knows, so a leak of it into a log fails the run. */
export const E2E_OFFICER_PASSWORD = "sandi-loket-uji";

/** At the app's own cost; one hash serves every test officer of a process. */
let passwordHash: Promise<string> | undefined;

/** An officer who signs in with E2E_OFFICER_PASSWORD, and a counter of the same Dinas (Samarinda unless told). */
export async function createE2eOfficer(
  db: Db,
  { kabupatenKode = "64.72", role = "COUNTER", nama = "RATNA PETUGAS UJI" }: { kabupatenKode?: string; role?: OfficerRole; nama?: string } = {},
): Promise<E2eOfficer> {
  const nip = `1988${String(randomInt(1e9, 1e10))}${String(randomInt(1e3, 1e4))}`.slice(0, 18);
  const counter = `E2E-${randomInt(1e5, 1e6)}`;
  passwordHash ??= hashPassword(E2E_OFFICER_PASSWORD);
  await db.counter.create({ data: { code: counter, name: `Loket Uji ${counter}`, kabupatenKode } });
  const { id } = await db.officer.create({ data: { nip, nama, role, passwordHash: await passwordHash, kabupatenKode } });
  return { id, nip, nama, password: E2E_OFFICER_PASSWORD, counter };
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

/**
 * An officer of the Samarinda Dinas (where createResident puts residents) signed in at a counter
 * there, shaped like getCounterSession's answer. `kabupatenKode` puts them elsewhere.
 */
export async function createCounterSession(db: Db, { kabupatenKode = "64.72", role = "COUNTER" }: { kabupatenKode?: string; role?: OfficerRole } = {}) {
  const suffix = randomBytes(3).toString("hex").toUpperCase();
  const counter = await db.counter.create({ data: { code: `T-${suffix}`, name: `Loket Uji ${suffix}`, kabupatenKode } });
  const officer = await db.officer.create({
    data: { nip: `1987031520100${String(randomInt(0, 100_000)).padStart(5, "0")}`, nama: "PETUGAS UJI", passwordHash: "-", kabupatenKode, role },
  });
  const session = await db.counterSession.create({
    data: { officerId: officer.id, counterId: counter.id, tokenHash: randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + 3600_000) },
  });
  return {
    id: session.id,
    officer: { id: officer.id, nip: officer.nip, nama: officer.nama, kabupatenKode, role },
    counter: { id: counter.id, code: counter.code, name: counter.name, kabupatenKode },
  };
}
