import type pg from "pg";
import { hashPassword } from "@ktp/db/password-hash";

// A demo organisation (pengguna data) with a scan-page account, for demos and manual testing:
// created only with the demo officers (`--demo`, `npm start`), never in docker-compose. The README
// lists the account. Its passkey is enrolled at the first sign-in.

export const DEMO_VERIFIER_ORG = {
  legalName: "PT Bank Demo Nusantara Tbk",
  registrationNumber: "NIB-DEMO-0001",
  purposes: ["age17", "airport", "bank"],
  branches: [
    { name: "KCP Samarinda Ulu", city: "Samarinda" },
    { name: "KC Padang", city: "Padang" },
  ],
} as const;

export const DEMO_VERIFIER_STAFF = [{ email: "teller@bank-demo.id", nama: "DEWI LESTARI", password: "verifikasi-demo" }] as const;

/** Adds the demo organisation, its branches and staff unless they exist (the app schema survives re-seeding). */
export async function insertDemoVerifiers(client: pg.Client) {
  const { legalName, registrationNumber, purposes, branches } = DEMO_VERIFIER_ORG;
  await client.query(
    `INSERT INTO app.verifier_org (id, legal_name, registration_number, type, purposes, status, contact_email, offline_status_max_minutes, decided_at)
     VALUES (gen_random_uuid(), $1, $2, 'BANK', $3, 'APPROVED', 'it@bank-demo.id', 60, now()) ON CONFLICT (registration_number) DO NOTHING`,
    [legalName, registrationNumber, purposes],
  );
  const {
    rows: [org],
  } = await client.query<{ id: string }>("SELECT id FROM app.verifier_org WHERE registration_number = $1", [registrationNumber]);
  for (const { name, city } of branches) {
    await client.query("INSERT INTO app.verifier_branch (id, org_id, name, city) VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT (org_id, name) DO NOTHING", [org!.id, name, city]);
  }
  for (const { email, nama, password } of DEMO_VERIFIER_STAFF) {
    const hash = await hashPassword(password);
    await client.query("INSERT INTO app.verifier_staff (id, org_id, email, nama, password_hash) VALUES (gen_random_uuid(), $1, $2, $3, $4) ON CONFLICT (email) DO NOTHING", [
      org!.id,
      email,
      nama,
      hash,
    ]);
  }
}
