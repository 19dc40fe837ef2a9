import type pg from "pg";
import { hashPassword } from "@ktp/db/password-hash";

// Counters and officers for demos and manual testing, with published passwords: created only when
// asked (`npm run db:seed -- --demo`, `npm start`), never in docker-compose. The README lists them.

export const DEMO_COUNTERS = [
  { code: "SMD-01", name: "Loket 1 · Disdukcapil Kota Samarinda", kabupatenKode: "64.72" },
  { code: "SMD-02", name: "Loket 2 · Disdukcapil Kota Samarinda", kabupatenKode: "64.72" },
  { code: "PDG-01", name: "Loket 1 · Disdukcapil Kota Padang", kabupatenKode: "13.71" },
  { code: "DKP-01", name: "Loket Pusat · Ditjen Dukcapil Kemendagri", kabupatenKode: "31.71" },
] as const;

export const DEMO_OFFICERS = [
  { nip: "198703152010012001", nama: "RATNA SARI DEWI", password: "loket-samarinda", kabupatenKode: "64.72", role: "COUNTER" },
  { nip: "199001022015011003", nama: "ANDI PRATAMA", password: "loket-padang", kabupatenKode: "13.71", role: "COUNTER" },
  // The national admin (Ditjen Dukcapil, Jakarta Pusat): oversees the organisations that verify KTP Digital.
  { nip: "198512302010122002", nama: "SITI RAHMAWATI", password: "admin-dukcapil", kabupatenKode: "31.71", role: "ADMIN" },
] as const;

/** Adds the demo counters and officers unless they exist (the app schema survives re-seeding). */
export async function insertDemoOfficers(client: pg.Client) {
  for (const { code, name, kabupatenKode } of DEMO_COUNTERS) {
    await client.query("INSERT INTO app.counter (id, code, name, kabupaten_kode) VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT (code) DO NOTHING", [code, name, kabupatenKode]);
  }
  for (const { nip, nama, password, kabupatenKode, role } of DEMO_OFFICERS) {
    const hash = await hashPassword(password);
    await client.query("INSERT INTO app.officer (id, nip, nama, password_hash, kabupaten_kode, role) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::app.officer_role) ON CONFLICT (nip) DO NOTHING", [
      nip,
      nama,
      hash,
      kabupatenKode,
      role,
    ]);
  }
}
